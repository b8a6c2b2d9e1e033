//! What each page loads, in bytes.

use super::*;

/// The files the browser requested for the first view, measured like `cargo xtask sizes`.
pub(super) fn measure_files(
    name: &str,
    urls: &[String],
    dir: &Path,
) -> Result<Vec<(String, sizes::Size)>> {
    let mut files = Vec::new();
    for url_path in urls {
        let mut file: PathBuf = dir.to_path_buf();
        file.extend(url_path.split('/').filter(|p| !p.is_empty()));
        if url_path.ends_with('/') {
            file.push("index.html");
        }
        let bytes = std::fs::read(&file).map_err(|e| format!("{name}: {}: {e}", file.display()))?;
        let shown = file
            .strip_prefix(dir)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| url_path.to_string());
        files.push((shown, sizes::measure(&bytes)));
    }
    Ok(files)
}

pub(super) fn total(files: &[(String, sizes::Size)]) -> sizes::Size {
    files
        .iter()
        .fold(sizes::Size::default(), |t, (_, s)| sizes::Size {
            raw: t.raw + s.raw,
            gzip: t.gzip + s.gzip,
            brotli: t.brotli + s.brotli,
        })
}

pub(super) fn kb(n: usize) -> f64 {
    n as f64 / 1000.0
}
