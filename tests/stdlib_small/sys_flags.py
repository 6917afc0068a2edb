# sys.flags fields (the defaults) and sys.warnoptions, which warnings reads.
import sys

for name in ["debug", "inspect", "interactive", "optimize", "no_user_site", "no_site",
             "ignore_environment", "verbose", "bytes_warning", "quiet",
             "hash_randomization", "isolated", "dev_mode", "utf8_mode",
             "warn_default_encoding", "safe_path", "int_max_str_digits", "gil",
             "thread_inherit_context", "context_aware_warnings"]:
    print(name, getattr(sys.flags, name))
print(sys.warnoptions)
