# placeholder
{ print }
