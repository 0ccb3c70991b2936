// Non-variadic wrappers over libcurl's variadic setopt/getinfo, which Swift cannot call directly.
#ifndef FIGCHECK_CCURL_SHIM_H
#define FIGCHECK_CCURL_SHIM_H

#include <curl/curl.h>

static inline CURLcode figcheck_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode figcheck_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode figcheck_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode figcheck_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*figcheck_curl_write_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode figcheck_curl_setopt_write_function(CURL *handle, figcheck_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode figcheck_curl_setopt_header_function(CURL *handle, figcheck_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode figcheck_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode figcheck_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
