/* convert_one: convert one file with libxenconv, using only <xenconv.h>.
 *
 *     convert_one [--fields] [--from FORMAT] --to FORMAT FILE
 *
 * Prints the converted text on standard output and every diagnostic on
 * standard error, as `xenconv convert --from FORMAT --to FORMAT FILE`
 * does (--from omitted: the format is detected, and a note says so).
 * --fields prints each diagnostic's fields instead, tab-separated:
 * severity, file, line, column, check ("-" if none), lost (0/1), message.
 * Exit status: 0 converted, 1 invalid input, 2 usage error.
 *
 * Build against an installed libxenconv:
 *     cc -o convert_one convert_one.c $(pkg-config --cflags --libs xenconv)
 */
#include <stdio.h>
#include <string.h>

#include <xenconv.h>

int main(int argc, char **argv)
{
    const char *from = NULL, *to = NULL, *file = NULL;
    int fields = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fields") == 0)
            fields = 1;
        else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc)
            from = argv[++i];
        else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc)
            to = argv[++i];
        else if (!file)
            file = argv[i];
        else
            to = NULL;      /* a second FILE: usage error below */
    }
    if (!to || !file) {
        fprintf(stderr, "usage: %s [--fields] [--from FORMAT] --to FORMAT FILE\n"
                        "(libxenconv %s)\n", argv[0], xenconv_version());
        return 2;
    }

    xenconv_source *src = xenconv_open_file(file);
    char *text = NULL;
    size_t len = 0;
    enum xenconv_status rc = xenconv_convert(src, from, to, &text, &len);
    if (rc == XENCONV_OK)
        fwrite(text, 1, len, stdout);

    /* Every diagnostic, in the command's order: as the command prints
     * it, or field by field. */
    for (size_t i = 0; i < xenconv_diag_count(src); i++) {
        const xenconv_diag *g = xenconv_diag_get(src, i);
        const char *check = xenconv_diag_check(g);
        if (!fields)
            fprintf(stderr, "%s\n", xenconv_diag_text(g));
        else
            fprintf(stderr, "%s\t%s\t%u\t%u\t%s\t%d\t%s\n",
                    xenconv_severity_name(xenconv_diag_severity(g)),
                    xenconv_diag_file(g), xenconv_diag_line(g),
                    xenconv_diag_column(g), check ? check : "-",
                    xenconv_diag_lost(g), xenconv_diag_message(g));
    }
    xenconv_free(text);
    xenconv_close(src);
    return (int)rc;
}
