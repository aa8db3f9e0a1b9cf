// ipclab-cli: every experiment, headless, with table/CSV/JSON output.
#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    return ipclab::runCli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
