// The text of `lblint --help`: a manual page, kept in step with args.ts by test/cli-docs.test.ts.
export const HELP = `Usage: lblint [options] [PATH...]
       lblint --stdin [--stdin-filename NAME] [options]

Checks haproxy.cfg and keepalived.conf files: what the daemons refuse, what they
silently drop, and the traps they accept.

PATH is a file, a directory (searched recursively) or a glob ('conf.d/*.cfg');
'-' reads standard input. In a directory, files named like configurations
(haproxy.cfg, *.haproxy.cfg, haproxy/*.cfg, keepalived.conf,
keepalived/**/*.conf) are taken, and *.cfg / *.conf files whose content is
one; the rest is skipped (--list-files shows it). keepalived 'include'
statements are followed as keepalived follows them.

A single directory whose subdirectories mirror machines' roots
(lb1/etc/keepalived, lb2/etc/haproxy, .../etc/sysctl.d, .../etc/firewalld, ...)
is checked as a site: every host, and every relation between them
(docs/site.md).

Input:
      --stdin                 Read the configuration from standard input
      --stdin-filename NAME   The name standard input goes by: it decides the
                              language and which lblint.config.json applies
      --language LANG         Read every file as LANG: haproxy or keepalived
      --haproxy-config PATH   A file or directory of one haproxy configuration
                              loaded from several files, as 'haproxy -f PATH'
                              loads it (a directory: its *.cfg in lexical
                              order); repeat it for each -f, in haproxy's order
      --ignore-pattern PAT    Skip paths matching PAT (gitignore syntax,
                              relative to the working directory); repeatable
      --no-ignore             Apply neither .lblintignore nor ignore patterns
      --list-files            Print the files that would be checked, and those
                              skipped with the reason, then exit
      --site-report           Print the site report (hosts, file status, VRRP
                              groups, peers) of a site directory, or of
                              keepalived files compared as peers

Output:
  -f, --format FORMAT         stylish (default), json (ESLint's), sarif (SARIF
                              2.1.0, for GitHub code scanning), github (workflow
                              annotations), checkstyle, junit, gitlab (code
                              quality report), gcc (FILE:LINE:COL: lines for
                              editors' error lists)
  -o, --output-file FILE      Write the report to FILE instead of stdout
  -q, --quiet                 Report errors only
      --max-warnings N        Exit with status 1 when more than N warnings are
                              found (information findings never count)
      --color, --no-color     Force colour on or off; by default it is on for a
                              terminal only, and NO_COLOR / FORCE_COLOR decide

Fixing:
      --fix                   Apply every safe fix and write the files back
                              (atomically, keeping mode and owner; a fix that
                              would add a syntax error is left out, and a file
                              changed on disk since it was read is not written)
      --fix-dry-run           Print the fixes as a unified diff (before a
                              stylish report, or with --output-file); write
                              nothing
      --fix-type TYPE         Only fixes of this category: syntax, correctness,
                              compatibility, reference, security, best-practice,
                              style; repeatable or comma-separated

Formatting (instead of checking):
      --fmt                   Format the files and write them back (atomically,
                              as --fix does); standard input goes to stdout
      --fmt-check             List the files that are not formatted; exit
                              status 1 when there are some
      --fmt-diff              Print the formatting as a unified diff; exit
                              status 1 when there is one
      --indent N|tab          Indent by N spaces (1-16) or a tab; by default
                              each file keeps the step it uses most (else 4)

Configuration:
  -c, --config FILE           Use this lblint.config.json for every file
                              instead of the nearest one above each file
      --print-config FILE     Print the settings that apply to FILE, as JSON
      --init                  Write a starter lblint.config.json here
      --haproxy-version V     Target haproxy release: 2.6, 2.8, 3.0, 3.2, 3.4
                              (default 3.4)
      --keepalived-version V  Target keepalived release: 2.2, 2.3, 2.4
                              (default 2.4)
      --rule ID:SEVERITY      Set a rule's severity: error, warning, info or
                              off; ID is a rule id or alias; repeatable
      --no-inline-config      Ignore '# lblint-disable' comments: report what
                              they hide (an audit)

Information:
      --list-rules            List every rule (with --format json: as JSON)
      --explain RULE          Print the documentation of a rule
      --debug                 Show skipped files, and stack traces of errors
  -h, --help                  Show this help
  -v, --version               Show the version

Files:
  lblint.config.json, .lblintrc.json
                              Rule severities and options, target versions,
                              ignore patterns; the nearest one above each file
                              applies
  .lblintignore               Paths to skip, in gitignore syntax, read from the
                              working directory

Exit status:
  0  no error found (warnings and information may have been reported)
  1  at least one error, or more warnings than --max-warnings allows
  2  usage error, configuration error, a file that could not be read,
     recognised or written, or an internal error: one line on stderr

Examples:
  lblint /etc/haproxy/haproxy.cfg /etc/keepalived
  lblint --haproxy-config haproxy.cfg --haproxy-config conf.d
  lblint --format sarif --output-file lblint.sarif .
  lblint --fix-dry-run haproxy.cfg | less
  cat haproxy.cfg | lblint --stdin --stdin-filename haproxy.cfg
`;
