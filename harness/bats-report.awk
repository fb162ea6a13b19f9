# Turns bats' extended stream (bats --formatter cat --timing) into the TAP
# that bats --tap prints, on stdout as the tests run; and at the end, a
# JUnit file with a suite per bats file, and a KTAP v1 file with a subtest
# per bats file (Documentation/dev-tools/ktap.rst). bats' own junit report
# formatter does the JUnit in a bash loop of regex matches per line, 18 s
# of a TCG guest's suite.
# Usage: bats --formatter cat --timing ... |
#        awk -v junit=FILE -v ktap=FILE -v host=NAME -f bats-report.awk

function xml(s) {
	# XML 1.0 has no place for these, not even escaped.
	gsub(/[\001-\010\013\014\016-\037]/, "?", s)
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	gsub(/'/, "\\&#39;", s)
	return s
}

# KTAP's lines for TEXT as diagnostics, at a subtest's indentation.
function ktap_diag(text, lines, i, n, s) {
	n = split(text, lines, "\n")
	s = ""
	for (i = 1; i <= n; i++)
		s = s "    # " lines[i] "\n"
	return s
}

# A KTAP description ends at a "#", which starts a directive.
function ktap_name(s) {
	gsub(/#/, "", s)
	return s
}

function emit(s) {
	print s
	fflush()
}

# "NAME in 12ms" -> sets dur to 12 and timing to bats' " # in 12 ms", and
# returns NAME; without a time (setup_file failed, say) both are empty.
function untime(name) {
	dur = 0
	timing = ""
	if (match(name, / in [0-9]+ms$/)) {
		dur = substr(name, RSTART + 4, RLENGTH - 6) + 0
		name = substr(name, 1, RSTART - 1)
		timing = " # in " dur " ms"
	}
	return name
}

# The buffered fd 3 output or failure text goes to the test it belongs to.
function close_case() {
	if (state == "")
		return
	if (out != "")
		kbody = kbody ktap_diag(out)
	if (state == "not_ok")
		kbody = kbody ktap_diag(fail)
	kbody = kbody "    " (state == "not_ok" ? "not ok " : "ok ") ftests " " ktap_name(name) \
		(state == "skipped" ? " # SKIP" (reason == "" ? "" : " " reason) : "") "\n"
	c = "    <testcase classname=\"" xml(file) "\" name=\"" xml(name) "\" time=\"" sprintf("%.3f", dur / 1000) "\""
	if (state == "ok" && out == "") {
		body = body c " />\n"
	} else {
		body = body c ">\n"
		if (out != "")
			body = body "        <system-out>" xml(out) "</system-out>\n"
		if (state == "skipped")
			body = body "        <skipped>" xml(reason) "</skipped>\n"
		if (state == "not_ok")
			body = body "        <failure type=\"failure\">" xml(fail) "</failure>\n"
		body = body "    </testcase>\n"
	}
	state = ""
	out = fail = ""
}

function result(st) {
	close_case()
	state = scope = st
	out = pending
	pending = ""
	ftests++
}

function close_file() {
	close_case()
	# A filtered run still names every file; those it ran nothing of are left out.
	if (ftests == 0)
		return
	# Concatenated, not sprintf'd: mawk's sprintf stops at 8 KiB.
	suites = suites "<testsuite name=\"" xml(file) "\" tests=\"" ftests "\" failures=\"" ffail \
		"\" errors=\"0\" skipped=\"" fskip "\" time=\"" sprintf("%.3f", fms / 1000) \
		"\" timestamp=\"" fstart "\" hostname=\"" xml(host) "\">\n" body "</testsuite>\n"
	body = ""
	# A file's result: failed if a test failed, skipped if every test was.
	kfiles++
	ksuites = ksuites "    KTAP version 1\n    # Subtest: " file "\n    1.." ftests "\n" kbody \
		(ffail ? "not ok " : "ok ") kfiles " " file (fskip == ftests ? " # SKIP" : "") "\n"
	kbody = ""
	ftests = ffail = fskip = fms = 0
}

function add(from, t) {
	if (from == "")
		return t
	return from "\n" t
}

NR == 1 && /^[0-9]+\.\.[0-9]+$/ { emit($0); next }

/^suite / {
	close_file()
	file = substr($0, 7)
	sub(/.*\//, "", file)
	fstart = strftime("%Y-%m-%dT%H:%M:%S", systime(), 1)
	scope = "suite"
	next
}

/^begin / {
	close_case()
	pending = ""
	scope = "begin"
	next
}

/^ok / {
	result("ok")
	n = $2
	rest = substr($0, length("ok " n " ") + 1)
	if (match(rest, / # skip( .*)?$/)) {
		reason = substr(rest, RSTART + 8)
		name = untime(substr(rest, 1, RSTART - 1))
		dur = 0
		state = scope = "skipped"
		fskip++
		emit("ok " n " " name " # skip" (reason == "" ? "" : " " reason))
		next
	}
	name = untime(rest)
	fms += dur
	total += dur
	emit("ok " n " " name timing)
	next
}

/^not ok / {
	result("not_ok")
	n = $3
	rest = substr($0, length("not ok " n " ") + 1)
	timeout = ""
	if (match(rest, / # timeout after [0-9]+s$/)) {
		timeout = " # timeout after " substr(rest, RSTART + 17, RLENGTH - 18) " s"
		rest = substr(rest, 1, RSTART - 1)
	}
	name = untime(rest)
	ffail++
	fms += dur
	total += dur
	emit("not ok " n " " name timing timeout)
	next
}

/^#( |$)/ {
	emit($0)
	text = substr($0, 3)
	# A test's fd 3 output comes before its result line, or after a pass;
	# the comments after a failure are bats' account of it.
	if (scope == "begin")
		pending = add(pending, text)
	else if (scope == "ok")
		out = add(out, text)
	else if (scope == "not_ok")
		fail = add(fail, text)
	next
}

{ emit($0) }

END {
	close_file()
	if (ktap != "") {
		printf "KTAP version 1\n1..%d\n%s", kfiles, ksuites > ktap
		close(ktap)
	}
	if (junit == "")
		exit
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites time=\"%.3f\">\n", total / 1000 > junit
	ORS = ""
	print suites "</testsuites>\n" > junit
	close(junit)
}
