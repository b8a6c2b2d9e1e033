//! A static file server for `dist/` with the right MIME types.

use crate::{dist, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

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

pub fn bind(port: u16) -> Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))
}

/// Serves on a background thread; returns the port (0 picks a free one).
pub fn spawn(dir: &Path, port: u16) -> Result<u16> {
    let listener = bind(port)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || serve_forever(listener, &dir));
    Ok(port)
}

/// One thread per connection, for as long as the browser keeps it open. A pool would
/// have to grow with the open connections: tiny_http 0.12's pool now and then handed a
/// new connection to a thread a kept-alive one already held, and the page's wasm waited
/// until the browser closed a socket (test `every_connection_is_answered_…`).
fn serve_forever(listener: TcpListener, dir: &Path) {
    for stream in listener.incoming().flatten() {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || {
            let _ = serve_connection(stream, &dir);
        });
    }
}

/// How long a kept-alive connection may sit idle before its thread ends.
const IDLE: Duration = Duration::from_secs(120);
/// The longest request head read. A browser sends addresses of up to 2 MB (Chromium), and
/// the hostile-link tests send long ones: the app, not the server, refuses what it cannot read.
const MAX_HEAD: usize = 4 * 1024 * 1024;

/// Answers the requests of one connection, one after another (HTTP/1.1 keep-alive;
/// GET and HEAD, which is all a static site is asked).
fn serve_connection(stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    // Each answer is one write, but a kept-alive connection's next answer must not wait
    // for the browser's delayed ACK (style.css once took 43 ms instead of 1 ms).
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(IDLE))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let Some(head) = read_head(&mut reader)? else {
            return Ok(());
        };
        let (status, headers, body) = match head.method.as_str() {
            "GET" | "HEAD" => respond(dir, &head.target),
            _ => (405, vec![("Allow", "GET, HEAD".into())], Vec::new()),
        };
        let mut out = format!("HTTP/1.1 {status} {}\r\n", reason(status));
        for (name, value) in &headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
        if !head.keep_alive {
            out.push_str("Connection: close\r\n");
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        if head.method != "HEAD" {
            bytes.extend_from_slice(&body);
        }
        writer.write_all(&bytes)?;
        if !head.keep_alive {
            return Ok(());
        }
    }
}

struct Head {
    method: String,
    target: String,
    keep_alive: bool,
}

/// The next request's head; `None` when the browser closed the connection or sent
/// something that is not HTTP/1.x (the connection then ends).
fn read_head(reader: &mut impl BufRead) -> std::io::Result<Option<Head>> {
    let mut lines = Vec::new();
    let mut read = 0;
    loop {
        let mut line = String::new();
        let n = match reader.read_line(&mut line) {
            Ok(n) => n,
            // Idle too long, or bytes that are not text: the connection ends.
            Err(_) => return Ok(None),
        };
        read += n;
        if n == 0 || read > MAX_HEAD {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            // Blank lines before a request line are allowed (RFC 9112, 2.2).
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(line);
    }
    let mut first = lines[0].split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (first.next(), first.next(), first.next(), first.next())
    else {
        return Ok(None);
    };
    let header = |name: &str| {
        lines[1..].iter().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_ascii_lowercase())
        })
    };
    // A request body (none is expected) would be read as the next request's head.
    let has_body =
        header("content-length").is_some_and(|v| v != "0") || header("transfer-encoding").is_some();
    let connection = header("connection").unwrap_or_default();
    let keep_alive = !has_body
        && match version {
            "HTTP/1.1" => !connection.contains("close"),
            "HTTP/1.0" => connection.contains("keep-alive"),
            _ => return Ok(None),
        };
    Ok(Some(Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
    }))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        404 => "Not Found",
        _ => "Method Not Allowed",
    }
}

type Answer = (u16, Vec<(&'static str, String)>, Vec<u8>);

fn respond(dir: &Path, url: &str) -> Answer {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    if let Some(to) = directory_redirect(dir, url) {
        return (301, vec![("Location", to)], Vec::new());
    }
    let file = resolve(dir, path);
    match file.and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))) {
        Some((file, body)) => (
            200,
            vec![
                ("Content-Type", mime_type(&file).into()),
                ("Cache-Control", "no-cache".into()),
                ("X-Content-Type-Options", "nosniff".into()),
            ],
            body,
        ),
        None => (
            404,
            vec![("Content-Type", "text/plain; charset=utf-8".into())],
            b"Not found".to_vec(),
        ),
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
        // As large as the app's style sheet.
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
    /// A folder holding `a.txt` with `body`, served on a free port.
    fn served(name: &str, body: &str) -> (PathBuf, u16) {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), body).unwrap();
        let port = spawn(&dir, 0).unwrap();
        (dir, port)
    }

    /// A page's files come over up to six connections the browser opens at once and keeps
    /// open. Each must be answered though every earlier one stays open: tiny_http 0.12
    /// handed a new connection to a pooled thread that a kept-alive connection already
    /// held, now and then, and the page's wasm then waited until the browser closed a
    /// socket (static-page tests stayed at "Loading…" for 15 s).
    #[test]
    fn every_connection_is_answered_while_the_others_stay_open() {
        use std::io::{Read, Write};
        let (dir, port) = served("many", "a");
        let mut open = Vec::new();
        for round in 0..8 {
            // Six at once, as a browser opens them; all stay open.
            let batch: Vec<_> = (0..6)
                .map(|_| std::net::TcpStream::connect(("127.0.0.1", port)).unwrap())
                .collect();
            for mut s in &batch {
                s.write_all(b"GET /a.txt HTTP/1.1\r\nHost: x\r\n\r\n")
                    .unwrap();
            }
            for (i, mut s) in batch.iter().enumerate() {
                s.set_read_timeout(Some(std::time::Duration::from_secs(3)))
                    .unwrap();
                let mut got = Vec::new();
                let mut buf = [0; 512];
                while !got.ends_with(b"\r\n\r\na") {
                    match s.read(&mut buf) {
                        Ok(0) | Err(_) => panic!(
                            "round {round}, connection {i}: no answer in 3 s with {} others open: {:?}",
                            open.len() + i,
                            String::from_utf8_lossy(&got)
                        ),
                        Ok(n) => got.extend_from_slice(&buf[..n]),
                    }
                }
            }
            open.extend(batch);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    /// What a browser, curl or a link checker may send besides a plain GET.
    #[test]
    fn head_other_methods_http_1_0_long_links_and_garbage_get_plain_answers() {
        use std::io::Read;
        let (dir, port) = served("misc", "hello");
        // Sends `request`, then reads until the server closes the connection.
        let exchange = |request: &[u8]| {
            let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
            s.write_all(request).unwrap();
            let mut got = String::new();
            s.read_to_string(&mut got)
                .expect("the server closes the connection");
            got
        };
        let head = exchange(b"HEAD /a.txt HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(
            head.contains("Content-Length: 5\r\n") && head.ends_with("\r\n\r\n"),
            "{head}"
        );
        let old = exchange(b"GET /a.txt HTTP/1.0\r\n\r\n");
        assert!(
            old.starts_with("HTTP/1.1 200 OK\r\n") && old.ends_with("\r\n\r\nhello"),
            "{old}"
        );
        let post = exchange(b"POST /a.txt HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi");
        assert!(
            post.starts_with("HTTP/1.1 405 Method Not Allowed\r\n"),
            "{post}"
        );
        let missing = exchange(b"GET /../etc/passwd HTTP/1.1\r\nConnection: close\r\n\r\n");
        assert!(
            missing.starts_with("HTTP/1.1 404 Not Found\r\n"),
            "{missing}"
        );
        let long = format!(
            "GET /a.txt?q={} HTTP/1.1\r\nConnection: close\r\n\r\n",
            "x".repeat(1 << 20)
        );
        assert!(exchange(long.as_bytes()).ends_with("\r\n\r\nhello"));
        assert_eq!(exchange(b"\xff\xfe garbage\r\n\r\n"), "");
        assert_eq!(exchange(b"GET / SPDY/3\r\n\r\n"), "");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
