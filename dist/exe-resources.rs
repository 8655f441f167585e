//! Cargo's build script: gives the Windows exe its icon, version information (name, version,
//! description in Explorer's Properties) and manifest (per-monitor DPI, no elevation, long
//! paths, UTF-8), with the kept `winresource` crate. Other targets get nothing.

// Cargo reads its instructions from the build script's standard output.
#![allow(clippy::print_stdout)]

fn main() {
    println!("cargo:rerun-if-changed=assets/icon/secretary-studio.ico");
    println!("cargo:rerun-if-changed=dist/windows/secretary-studio.exe.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/secretary-studio.ico")
        .set_manifest_file("dist/windows/secretary-studio.exe.manifest")
        .set_language(0x0804) // Chinese (Simplified, PRC)
        .set("ProductName", "书记工作室 Secretary Studio")
        .set("FileDescription", "书记工作室 Secretary Studio")
        .set("OriginalFilename", "secretary-studio.exe")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(error) = resource.compile() {
        // Cross-building needs MinGW's windres (Debian: binutils-mingw-w64-x86-64).
        eprintln!("cannot embed the Windows resources: {error}");
        std::process::exit(1);
    }
}
