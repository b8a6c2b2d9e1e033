//! Installs what a fresh machine lacks: the wasm target, the pinned npm tools, Chromium.

use crate::{root, Result};
use std::path::PathBuf;
use std::process::Command;

/// Runs a command, failing with its name when it cannot start or exits non-zero.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// The toolchain the wasm alone is built with: a pinned nightly, for `-Zbuild-std`, so
/// that std is compiled with the release profile (opt-level "z") and std's own
/// `optimize_for_size` instead of shipping the prebuilt, speed-optimised std: the wasm
/// is 13.5 KB brotli smaller (docs/performance.md). Native code, the tests and clippy
/// stay on stable. rustup installs it on first use.
pub const WASM_TOOLCHAIN: &str = "nightly-2026-10-30";

/// Nightly flags for the wasm alone (docs/performance.md, "What was done"): a panic is a
/// bare trap (`-Cpanic=immediate-abort`: no hook, no message, no formatting of it; the
/// boot script shows the error box for the trap, src/ui/fatal.rs), and `Debug`
/// formatting prints nothing, so no `{:?}` may reach a reader; the app's own messages
/// use `Display`. `-Zlocation-detail=none` drops what location data is left.
pub const WASM_RUSTFLAGS: &str =
    "-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort";

/// The pinned nightly with `rust-src` (for build-std) and the wasm target, installed by
/// rustup when missing.
pub fn ensure_wasm_toolchain() -> Result {
    let sysroot = Command::new("rustup")
        .args(["run", WASM_TOOLCHAIN, "rustc", "--print", "sysroot"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .map_err(|e| format!("rustup not found ({e}); the wasm build needs rustup"))?;
    if sysroot.status.success() {
        let root = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
        let rustlib = root.join("lib/rustlib");
        if rustlib.join("src/rust/library").exists()
            && rustlib.join("wasm32-unknown-unknown").exists()
        {
            return Ok(());
        }
    }
    eprintln!("xtask: installing the wasm toolchain {WASM_TOOLCHAIN} (rust-src, wasm32 target)");
    run(Command::new("rustup")
        .args([
            "toolchain",
            "install",
            WASM_TOOLCHAIN,
            "--profile",
            "minimal",
        ])
        .args([
            "--component",
            "rust-src",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env_remove("RUSTUP_TOOLCHAIN"))
}

/// `cargo build` of the release wasm with the pinned nightly and std rebuilt for size.
/// The release wasm of the report folder `report` (build.rs reads `REPORT_DIR`).
pub fn wasm_build(report: &std::path::Path) -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", WASM_TOOLCHAIN, "cargo", "build"])
        .args([
            "-Zbuild-std=std,panic_abort",
            "-Zbuild-std-features=optimize_for_size",
        ])
        .args(["--release", "--target", "wasm32-unknown-unknown"])
        .args(["--bin", "report-explorer"])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            WASM_RUSTFLAGS,
        )
        // What the stable cargo that runs xtask set must not leak into the nightly build.
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC")
        .env_remove("RUSTDOC")
        .env_remove("CARGO")
        .env("REPORT_DIR", report)
        .current_dir(root());
    cmd
}

/// `npm ci` from the committed lockfile, once per lockfile change.
pub fn ensure_npm_tools() -> Result {
    let root = root();
    let lock = std::fs::read(root.join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp = root.join("node_modules/.xtask-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(&lock[..]) {
        return Ok(());
    }
    eprintln!("xtask: installing the pinned npm tools (npm ci)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(&root))?;
    std::fs::write(stamp, lock).map_err(|e| e.to_string())
}

pub fn npm_bin(name: &str) -> PathBuf {
    root().join("node_modules/.bin").join(name)
}

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Debian's Chromium and CJK fonts for the browser suite, installed with apt when root.
pub fn ensure_chromium() -> Result {
    let have_fonts =
        std::path::Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists();
    if std::path::Path::new(CHROMIUM).exists() && have_fonts {
        return Ok(());
    }
    let install = "apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk";
    if !is_root() {
        return Err(format!(
            "Chromium or CJK fonts are missing; run as root: {install}"
        ));
    }
    eprintln!("xtask: installing Chromium and fonts: {install}");
    run(Command::new("sh").args([
        "-c",
        &format!("export DEBIAN_FRONTEND=noninteractive; {install} >/dev/null"),
    ]))
}

/// Firefox, WebKitGTK's WebDriver and MiniBrowser, and a virtual display, for the
/// cross-engine suite (tests/engines/): Debian's packages, installed with apt when root.
/// Nothing is downloaded at run time.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

pub fn ensure_engines() -> Result {
    let have = [FIREFOX, WEBKIT_DRIVER, MINIBROWSER, "/usr/bin/Xvfb"]
        .iter()
        .all(|p| std::path::Path::new(p).exists());
    if have {
        return Ok(());
    }
    let install =
        "apt-get update && apt-get install -y firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb";
    if !is_root() {
        return Err(format!(
            "Firefox, WebKit or Xvfb is missing; run as root: {install}"
        ));
    }
    eprintln!("xtask: installing Firefox, WebKit and Xvfb: {install}");
    run(Command::new("sh").args([
        "-c",
        &format!("export DEBIAN_FRONTEND=noninteractive; {install} >/dev/null"),
    ]))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// The cargo target directory (honours `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root().join(p) })
        .unwrap_or_else(|| root().join("target"))
}
