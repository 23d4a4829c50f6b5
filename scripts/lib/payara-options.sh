# Sourced by the scripts that start Payara Micro, from the repository root: PAYARA_OPTIONS holds Payara Micro's
# options, read from web-ui/pom.xml's payara.micro.options, the one place they are set (README, "Network").
PAYARA_OPTIONS=$(sed -n 's:^ *<payara\.micro\.options>\([^$]*\)</payara\.micro\.options>.*:\1:p' web-ui/pom.xml | head -n 1)
[ -n "$PAYARA_OPTIONS" ] || { echo "payara.micro.options not found in web-ui/pom.xml" >&2; exit 1; }
