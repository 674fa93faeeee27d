#!/bin/sh
# tests/install.sh BUILD: `make install` into a temporary DESTDIR, then
#  - every file is where it belongs, the binary runs and says its version,
#  - the example is built against the installed xenconv.pc (shared, and
#    static with --static), and run,
#  - the man page renders without a warning (groff -ww, man -l),
#  - the bash completion completes commands, formats, options and checks,
#  - `make uninstall` leaves no file or link behind.
set -u
build=$1
make=${MAKE:-make}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest=$work/root prefix=/opt/xenconv-test
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

$make --no-print-directory -s BUILD="$build" DESTDIR="$dest" PREFIX="$prefix" \
    install >"$work/install.log" 2>&1 || { cat "$work/install.log"; bad "make install"; }
root=$dest$prefix
version=$(sed -n 's/^#define XENCONV_VERSION "\(.*\)"/\1/p' include/xenconv.h)
for f in bin/xenconv lib/libxenconv.a lib/libxenconv.so.$version \
         lib/libxenconv.so.0 lib/libxenconv.so include/xenconv.h \
         lib/pkgconfig/xenconv.pc share/man/man1/xenconv.1 \
         share/bash-completion/completions/xenconv \
         share/doc/xenconv/xenconv.conf.sample; do
    [ -e "$root/$f" ] && ok || bad "not installed: $f"
done
[ "$(readlink "$root/lib/libxenconv.so.0")" = "libxenconv.so.$version" ] && ok || bad "libxenconv.so.0 link"
[ "$(readlink "$root/lib/libxenconv.so")" = libxenconv.so.0 ] && ok || bad "libxenconv.so link"
"$root/bin/xenconv" --version >"$work/version" 2>&1
head -1 "$work/version" | grep -q "^xenconv $version " && ok || bad "installed --version: $(head -1 "$work/version")"
xl=$(pkg-config --modversion xenlight)
sed -n 2p "$work/version" | grep -qx "built with libxenlight $xl, libxlutil $(pkg-config --modversion xlutil)" &&
    ok || bad "--version libxl line: $(sed -n 2p "$work/version")"

# The example against the installed pkg-config file (paths under the
# DESTDIR through the sysroot).
export PKG_CONFIG_PATH="$root/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$dest"
[ "$(pkg-config --modversion xenconv)" = "$version" ] && ok || bad "pkg-config --modversion xenconv"
cc=${CC:-cc}
# shellcheck disable=SC2046
$cc -std=c11 -Wall -Wextra -Werror -pedantic -o "$work/ex-shared" examples/convert_one.c \
    $(pkg-config --cflags --libs xenconv) && ok || bad "example: build against xenconv.pc"
libs=$(pkg-config --static --libs xenconv | sed 's/-lxenconv//')
# shellcheck disable=SC2086
$cc -std=c11 -Wall -Wextra -Werror -pedantic -o "$work/ex-static" examples/convert_one.c \
    $(pkg-config --cflags xenconv) "$root/lib/libxenconv.a" $libs && ok ||
    bad "example: static build with pkg-config --static"
readelf -d "$work/ex-shared" | grep -q 'NEEDED.*\[libxenconv.so.0\]' && ok || bad "example not linked to libxenconv.so.0"
readelf -d "$work/ex-static" | grep -q 'libxenconv' && bad "static example needs libxenconv.so" || ok
"$build/xenconv" convert --to xml examples/guest.cfg >"$work/want.xml" 2>"$work/want.err"
for ex in ex-shared ex-static; do
    LD_LIBRARY_PATH="$root/lib" "$work/$ex" --to xml examples/guest.cfg >"$work/got.xml" 2>"$work/got.err" &&
        cmp -s "$work/want.xml" "$work/got.xml" && cmp -s "$work/want.err" "$work/got.err" &&
        ok || bad "$ex: output differs from xenconv convert"
done
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

# The man page: no groff warning, man renders it, every command is in it.
man1=$root/share/man/man1/xenconv.1
groff -ww -man -Tutf8 -z "$man1" 2>"$work/groff.err"
[ ! -s "$work/groff.err" ] && ok || { bad "groff -ww warns"; cat "$work/groff.err"; }
MANWIDTH=80 MAN_KEEP_STDERR=1 man --warnings=w -l "$man1" >"$work/man.txt" 2>"$work/man.err"
[ ! -s "$work/man.err" ] && grep -q '^NAME' "$work/man.txt" && ok ||
    { bad "man -l"; head "$work/man.err"; }
for c in $("$build/xenconv" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' | sort -u); do
    grep -q "^       .*$c" "$work/man.txt" && ok || bad "man page does not name command $c"
done
# every option each command's --help lists is in the page
for c in "" $("$build/xenconv" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' | sort -u); do
    # shellcheck disable=SC2086
    for o in $("$build/xenconv" $c --help | grep -oE -- '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' |
               sed 's/^[ ,]*//' | sort -u); do
        grep -qE -- "(^|[^a-zA-Z-])$o([^a-zA-Z-]|\$)" "$work/man.txt" && ok ||
            bad "man page does not name option $o of ${c:-xenconv}"
    done
done
for s in NAME SYNOPSIS DESCRIPTION OPTIONS EXAMPLES "EXIT STATUS" FILES; do
    grep -q "^$s" "$work/man.txt" && ok || bad "man page has no $s section"
done

# Bash completion (the installed file, in a bash without bash-completion).
comp=$root/share/bash-completion/completions/xenconv
complete_words() {   # complete_words WORD...: what TAB offers for the last
    PATH="$root/bin:$PATH" bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _xenconv
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' x "$comp" "$@"
}
expect_comp() {      # expect_comp "WANTED" WORD...
    want=$1; shift
    got=$(complete_words "$@")
    [ "$got" = "$want" ] && ok || bad "completion of '$*': got '$got', want '$want'"
}
expect_comp "convert " xenconv con
expect_comp "domxml-from-native domxml-to-native " xenconv dom
expect_comp "launch lint " xenconv l
expect_comp "migrate " xenconv --config x.conf mi
expect_comp "validate " xenconv va
expect_comp "xen-sxpr xen-xl xen-xm " xenconv domxml-to-native xen
expect_comp "auto " xenconv convert --from au
expect_comp "xen-sxpr xen-xl xen-xm xl xm xml " xenconv convert --to x
expect_comp "json " xenconv lint --output j
expect_comp "not-carried " xenconv lint --disable no
expect_comp "--output-dir " xenconv convert --output-d
expect_comp "--report --report-json " xenconv migrate --rep
expect_comp "--werror " xenconv lint --we
expect_comp "--version " xenconv --vers
expect_comp "--dry-run " xenconv launch --dr
expect_comp "--quiet " xenconv validate --qu
# every command of --help is offered
for c in $("$build/xenconv" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\).*/\1/p' | sort -u); do
    case " $(complete_words xenconv "") " in *" $c "*) ok ;; *) bad "completion lacks command $c" ;; esac
done

# Uninstall: nothing installed is left (directories may stay).
$make --no-print-directory -s BUILD="$build" DESTDIR="$dest" PREFIX="$prefix" \
    uninstall >"$work/uninstall.log" 2>&1 && ok || { cat "$work/uninstall.log"; bad "make uninstall"; }
left=$(find "$dest" ! -type d)
[ -z "$left" ] && ok || bad "left after uninstall: $left"

echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
