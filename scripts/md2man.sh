#!/bin/sh
# md2man.sh VERSION IN.md OUT.1: render the man page docs/xenconv.1.md as
# roff with go-md2man (Debian package go-md2man).  The Markdown is the
# only source: its first line ("# xenconv(1)", for people reading it on the
# web) becomes the man page's title line, its "## SECTION" headings the
# page's sections.  The date is the last commit of the page (empty outside
# git), so the output is reproducible.
set -eu
version=$1 in=$2 out=$3
if ! command -v go-md2man >/dev/null 2>&1; then
    echo "md2man.sh: go-md2man not found: apt-get install go-md2man (or make deps)" >&2
    exit 1
fi
date=$(git log -1 --format=%cs -- "$in" 2>/dev/null || true)
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
{
    printf '%% XENCONV 1 "%s" "xenconv %s" "User Commands"\n' "$date" "$version"
    sed 1d "$in"
} | go-md2man |
    # roff reads a line starting with ' or . as a request: escape the text
    # lines go-md2man leaves starting so (its own requests are .XX).
    sed -e "s/^'/\\\\\\&'/" -e '/^\.[A-Za-z][A-Za-z]\( \|$\)/!s/^\./\\\&./' > "$tmp"
mv "$tmp" "$out"
trap - EXIT
