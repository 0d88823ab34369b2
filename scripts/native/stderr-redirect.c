/*
 * cch-stderr-redirect.node: points the process's stderr (fd 2) at a file and back.
 *
 * Why: TensorFlow 2.21 writes absl log lines to fd 2 while its library loads (the oneDNN notice),
 * before any log level it reads applies, and Node has no dup2. @cch-lab/core's native loader
 * (packages/core/src/native-load.ts) sends fd 2 to a temporary file around the load and passes on
 * whatever is not that known notice. Built by `npm run setup:native` next to tfjs-node; optional.
 */
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static napi_value throw_errno(napi_env env, const char *what) {
  char message[4400];
  snprintf(message, sizeof message, "%s: %s", what, strerror(errno));
  napi_throw_error(env, NULL, message);
  return NULL;
}

/* redirect(path): fd 2 now writes to `path` (created or truncated); returns the saved fd. */
static napi_value redirect(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char path[4096];
  size_t length = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_string_utf8(env, argv[0], path, sizeof path, &length) != napi_ok || length == 0 ||
      length >= sizeof path - 1) {
    napi_throw_type_error(env, NULL, "redirect(path): a file path is required");
    return NULL;
  }
  fflush(stderr);
  int saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
  if (saved < 0) return throw_errno(env, "dup of fd 2");
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    close(saved);
    return throw_errno(env, path);
  }
  if (dup2(fd, 2) < 0) {
    close(fd);
    close(saved);
    return throw_errno(env, "dup2 onto fd 2");
  }
  close(fd);
  napi_value out;
  napi_create_int32(env, saved, &out);
  return out;
}

/* restore(saved): fd 2 back to what redirect saved; the saved fd is closed. */
static napi_value restore(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t saved = -1;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 1 ||
      napi_get_value_int32(env, argv[0], &saved) != napi_ok || saved < 3) {
    napi_throw_type_error(env, NULL, "restore(saved): the fd redirect returned");
    return NULL;
  }
  fflush(stderr);
  if (dup2(saved, 2) < 0) return throw_errno(env, "dup2 back onto fd 2");
  close(saved);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor properties[] = {
      {"redirect", NULL, redirect, NULL, NULL, NULL, napi_default, NULL},
      {"restore", NULL, restore, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, sizeof properties / sizeof properties[0], properties);
  return exports;
}
