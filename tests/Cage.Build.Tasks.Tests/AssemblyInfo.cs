// These tests drive the real age binary, shell wrappers and Unix file modes: Linux and macOS only.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
