// A library linked the default way (dynamic libstdc++ of this GCC): the floor check must reject
// it, naming its GLIBCXX_3.4.x needs.
#include <sstream>
#include <string>

extern "C" __attribute__((visibility("default"))) int floor_probe_length(int value) {
    std::ostringstream text;
    text << "value " << value;
    return static_cast<int>(text.str().size());
}
