// The issuegraph executable: parses the command line and hands over to cli/.
#include "cli/commands.h"

int main(int argc, char** argv) { return issuegraph::cli::Main(argc, argv); }
