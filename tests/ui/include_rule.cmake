# The UI's one door into the core: outside run_controller.cpp, a file in ui/ may include no core
# header but the sample type. Views are fed plain values (a live run or a recording alike), so a
# view that reaches for ExperimentRun, a transport or the telemetry block fails this test.
#   cmake -DUI_DIR=<source>/ui -P include_rule.cmake
file(GLOB sources "${UI_DIR}/*.h" "${UI_DIR}/*.cpp")
set(allowed "ipclab/experiment/run_sample.h")
set(violations "")
foreach(f ${sources})
  get_filename_component(name "${f}" NAME)
  if(name STREQUAL "run_controller.cpp")
    continue() # the controller makes samples from live runs
  endif()
  file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]ipclab/")
  foreach(line ${lines})
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*$" "\\1" header "${line}")
    if(NOT header STREQUAL allowed)
      list(APPEND violations "${name} includes ${header}")
    endif()
  endforeach()
endforeach()
list(LENGTH sources count)
if(count LESS 10)
  message(FATAL_ERROR "include rule: only ${count} files found in ${UI_DIR}; wrong folder?")
endif()
if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "ui/ may include only ${allowed} from the core:\n  ${text}")
endif()
message(STATUS "include rule: ${count} files in ui/ include no core header but ${allowed}")
