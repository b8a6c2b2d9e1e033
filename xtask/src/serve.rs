//! A static file server for `dist/` with the right MIME types.

use crate::{dist, Result};
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result {
    let port = parse_port(args)?;
    let dist = dist::run(&crate::report::Target::default())?;
    let server = bind(port)?;
    println!("Serving dist/ at http://127.0.0.1:{port}/  (Ctrl-C stops)");
    serve_forever(server, &dist);
    Ok(())
}

fn parse_port(args: &[String]) -> Result<u16> {
    match args {
        [] => Ok(8080),
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port wants a number, not {n}")),
        [flag] if flag.starts_with("--port=") => {
            let n = &flag["--port=".len()..];
            n.parse()
                .map_err(|_| format!("--port wants a number, not {n}"))
        }
        _ => Err("usage: cargo xtask serve [--port N]".into()),
    }
}

pub fn bind(port: u16) -> Result<tiny_http::Server> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot listen on 127.0.0.1:{port}: {e}");
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| cannot(&e))?;
    // tiny_http writes a response's head and body separately. With Nagle's algorithm on,
    // the second response on a kept-alive connection waited for the browser's delayed ACK:
    // style.css took 43 ms instead of 1 ms. On Linux the accepted sockets inherit this.
    socket2::SockRef::from(&listener)
        .set_nodelay(true)
        .map_err(|e| cannot(&e))?;
    tiny_http::Server::from_listener(listener, None).map_err(|e| cannot(&e))
}

/// Serves on a background thread; returns the port (0 picks a free one).
pub fn spawn(dir: &Path, port: u16) -> Result<u16> {
    let server = bind(port)?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .ok_or("no IP address")?;
    let dir = dir.to_path_buf();
    std::thread::spawn(move || serve_forever(server, &dir));
    Ok(port)
}

fn serve_forever(server: tiny_http::Server, dir: &Path) {
    for request in server.incoming_requests() {
        let dir = dir.to_path_buf();
        // Each response on a thread of its own: one the browser is slow to read (the
        // preloaded wasm, before boot.js's fetch takes it) must not hold up the page's
        // other files behind it. Served one by one, a browser suite with two workers once
        // left two pages at "Loading…" for 15 s.
        std::thread::spawn(move || {
            let response = respond(&dir, request.url());
            let _ = request.respond(response);
        });
    }
}

fn respond(dir: &Path, url: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if let Some(to) = directory_redirect(dir, url) {
        return tiny_http::Response::from_data(Vec::new())
            .with_status_code(301)
            .with_header(header("Location", &to));
    }
    let file = resolve(dir, path);
    match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => {
            let mime = mime_type(&file);
            tiny_http::Response::from_data(body)
                .with_header(header("Content-Type", mime))
                .with_header(header("Cache-Control", "no-cache"))
                .with_header(header("X-Content-Type-Options", "nosniff"))
        }
        None => tiny_http::Response::from_data(b"Not found".to_vec())
            .with_status_code(404)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
    }
}

/// A directory asked for without its trailing slash (`/zh/sector/economy`) is sent to
/// the slashed address, as static hosts do: the page's relative asset paths count
/// directories from its address.
fn directory_redirect(dir: &Path, url: &str) -> Option<String> {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    if path.ends_with('/') || !resolve(dir, path).is_some_and(|f| f.ends_with("index.html")) {
        return None;
    }
    let last = path.rsplit('/').next().unwrap_or("");
    (!last.contains('.')).then(|| format!("{path}/{rest}"))
}

/// Maps a URL path into `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let mut file = dir.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part == ".." || part.contains('\\') || part.starts_with('.') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn mime_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_without_their_slash_are_redirected() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("zh/sector/economy")).unwrap();
        std::fs::write(dir.join("zh/sector/economy/index.html"), "x").unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        assert_eq!(
            directory_redirect(&dir, "/zh/sector/economy?tab=levels").as_deref(),
            Some("/zh/sector/economy/?tab=levels")
        );
        assert_eq!(directory_redirect(&dir, "/zh/sector/economy/"), None);
        assert_eq!(directory_redirect(&dir, "/"), None);
        assert_eq!(directory_redirect(&dir, "/index.html"), None);
        assert_eq!(directory_redirect(&dir, "/zh/sector/nope"), None);
        assert_eq!(
            resolve(&dir, "/zh/sector/economy/"),
            Some(dir.join("zh/sector/economy/index.html"))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A browser asks for a page's files one after another on a kept-alive connection.
    /// Each answer must come at once: with Nagle's algorithm on, each after the first
    /// waited about 40 ms for the client's delayed ACK.
    #[test]
    fn answers_on_a_kept_alive_connection_come_at_once() {
        use std::io::{BufRead, BufReader, Read, Write};
        let dir = std::env::temp_dir().join(format!("xtask-serve-ka-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // As large as the app's style sheet: tiny_http sends a body this size apart from its head.
        let css = "body{}\n".repeat(1200);
        std::fs::write(dir.join("style.css"), &css).unwrap();
        let port = spawn(&dir, 0).unwrap();
        let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut get = || {
            (&stream)
                .write_all(b"GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                if line == "\r\n" {
                    break;
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            assert_eq!(body, css.as_bytes());
        };
        get();
        let started = std::time::Instant::now();
        for _ in 0..5 {
            get();
        }
        let took = started.elapsed();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(took.as_millis() < 150, "5 answers took {took:?}");
    }
}
