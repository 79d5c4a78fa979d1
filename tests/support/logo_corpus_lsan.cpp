// LeakSanitizer in sanitizer builds of the test binary: fontconfig, which librsvg uses through
// pango to lay out the <text> of every SVG logo (the example logos' wordmarks, the corpus
// renders), keeps its font configuration and pattern caches for the life of the process and
// never frees them. LSan reports those as leaks at exit in every test that renders SVG text; the
// allocations are fontconfig's own (every stack ends in libfontconfig.so), not brandlint's.
// __lsan_default_suppressions is LSan's documented hook for built-in suppressions.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
