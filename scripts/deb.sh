#!/usr/bin/env bash
# A kit release's Debian packages, built in the kit's chroot the way a
# distro builds them: dpkg-buildpackage -b on a copy of the sources alone
# (what git tracks, or would: nothing of any build tree), then lintian,
# which must report no error; its warnings are printed. The .deb files land
# in build/KIT/deb/, replacing the last ones only when the new ones passed.
# A run whose sources and kit are those of the last build does nothing.
# kit.sh deb runs it, with the kit built and locked.
# Usage: deb.sh KIT
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "$0")/lib.sh"
[ $# -eq 1 ] || die "usage: deb.sh KIT"
kit_load "$1"
[ "$KIT_PACKAGES" = build ] || die "kit $KIT builds no packages: its kit file has no 'packages=build'"
git -C "$MODKFUNC_TOP" rev-parse --git-dir >/dev/null 2>&1 ||
	die "the packages are built from git's list of the sources: $MODKFUNC_TOP is not a git checkout"

out=$KIT_BUILD/deb
version=$(sed -n '1s/^modkfunc (\([^)]*\)).*/\1/p' "$MODKFUNC_TOP/debian/changelog")
[ -n "$version" ] || die "debian/changelog names no version of modkfunc"
# dh_dkms installs dkms.conf as it is: the two must name one version.
dkms_version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$MODKFUNC_TOP/dkms.conf")
[ "$dkms_version" = "$version" ] ||
	die "debian/changelog is at $version but dkms.conf's PACKAGE_VERSION is '$dkms_version'"
# Files that are tracked or not ignored, and exist: a deleted file is no
# source, a new one is.
sources() {
	local f
	while IFS= read -r -d '' f; do
		[ ! -f "$MODKFUNC_TOP/$f" ] || printf '%s\0' "$f"
	done < <(git -C "$MODKFUNC_TOP" ls-files -z --cached --others --exclude-standard)
}
# Modes count: the package installs the test files executable.
stamp=$({
	cat "$KIT_DIR/stamp"
	sources | (cd "$MODKFUNC_TOP" && xargs -0 sha256sum)
	sources | (cd "$MODKFUNC_TOP" && xargs -0 stat -c '%a %n')
} | sha256sum)
if [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi

new=$out.new
rm -rf "$new"
tree=$new/modkfunc-$version
mkdir -p "$tree"
sources | (cd "$MODKFUNC_TOP" && xargs -0 cp --parents -t "$tree")
echo "deb: building modkfunc $version's packages in kit $KIT"
kit_chroot sh -c "cd '$KIT_SRC/${tree#"$MODKFUNC_TOP"/}' && dpkg-buildpackage -us -uc -b -J$(nproc)" \
	>"$new/build.log" 2>&1 ||
	{ tail -n 30 "$new/build.log" >&2; die "dpkg-buildpackage failed in kit $KIT (log: ${new#"$MODKFUNC_TOP"/}/build.log)"; }
rm -rf "$tree"

changes=("$new"/modkfunc_"$version"_*.changes)
kit_chroot lintian --fail-on error "$KIT_SRC/${changes[0]#"$MODKFUNC_TOP"/}" >"$new/lintian.log" 2>&1 || {
	cat "$new/lintian.log" >&2
	die "lintian reports errors in the packages of kit $KIT (log: ${new#"$MODKFUNC_TOP"/}/lintian.log)"
}
# Only its tags: lintian's own chatter (readelf's complaints about the
# malformed ELF test inputs, running as root) stays in the log.
grep -E '^[EW]: ' "$new/lintian.log" | sed 's/^/deb: lintian: /' ||
	echo "deb: lintian: no errors and no warnings"
echo "$stamp" >"$new/stamp"
rm -rf "$out"
mv "$new" "$out"
echo "deb: $(cd "$out" && echo modkfunc-dkms_*.deb modkfunc-tests_*.deb) in ${out#"$MODKFUNC_TOP"/}"
