//! Runs a step's command with its standard output and error in one pipe, and echoes
//! each line as it comes. One pipe keeps the order the lines were written in: cargo
//! names each test binary on stderr ("Running tests/x.rs (…)") just before the binary
//! lists its tests on stdout, and only a single stream keeps the name beside its tests.
//! Inside xtask's own tests nothing is echoed: the test harness prints a failed test's
//! captured output, and a fixture's "Running" and "test … FAILED" lines would then be
//! read as the outer run's own.

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitStatus};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::thread;
use std::time::Duration;

/// The command's exit status and everything it printed; `echo` prints it live too.
pub fn run(mut cmd: Command, echo: bool) -> Result<(ExitStatus, String), String> {
    let shown = format!("{:?}", cmd.get_program());
    let (reader, writer) = std::io::pipe().map_err(|e| format!("{shown}: {e}"))?;
    let writer_too = writer.try_clone().map_err(|e| format!("{shown}: {e}"))?;
    cmd.stdout(writer).stderr(writer_too);
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    // The command holds the pipe's writing ends: dropped, the pipe ends with the child's.
    drop(cmd);
    let (lines, received) = channel();
    thread::spawn(move || {
        let mut reader = BufReader::new(reader);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).is_ok_and(|n| n > 0) {
            if lines
                .send(String::from_utf8_lossy(&line).into_owned())
                .is_err()
            {
                break;
            }
            line.clear();
        }
    });
    let mut text = String::new();
    let mut exited = false;
    loop {
        // A process the child left running (a browser, say) may hold the pipe open: once
        // the child has exited, a second without output ends the reading.
        let wait = Duration::from_millis(if exited { 1000 } else { 200 });
        match received.recv_timeout(wait) {
            Ok(line) => {
                if echo && !cfg!(test) {
                    print!("{line}");
                }
                text.push_str(&line);
            }
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) if exited => break,
            Err(RecvTimeoutError::Timeout) => {
                exited = child
                    .try_wait()
                    .map_err(|e| format!("{shown}: {e}"))?
                    .is_some();
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{shown}: {e}"))?;
    Ok((status, text))
}
