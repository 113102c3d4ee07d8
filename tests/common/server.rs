//! `parvis serve` under test: started on a free port of 127.0.0.1 (the
//! real binary, on a [`TestSite`]), asked over plain TCP (so that request
//! paths reach it exactly as written), stopped with SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::TestSite;

/// How long a change may take to reach the served pages (a debug build,
/// on a shared machine).
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A running `parvis serve`.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub address: String,
    /// The temporary output folder it serves.
    pub out: PathBuf,
    stderr: Arc<Mutex<String>>,
}

/// One HTTP response.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// Header lines, names lowercased.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl TestSite {
    /// Starts `parvis serve --port 0 --verbose --messages en <extra>` on the
    /// site and waits for its first build.
    pub fn serve(&self, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parvis"))
            .args(["serve", "--port", "0", "--verbose", "--messages", "en"])
            .args(extra)
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            let mut line = String::new();
            while err.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        let (found, address) = mpsc::channel();
        let out = BufReader::new(child.stdout.take().unwrap());
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                if let Some(at) = line.find("http://127.0.0.1:") {
                    let rest = &line[at + "http://".len()..];
                    let end = rest.find('/').unwrap_or(rest.len());
                    let _ = found.send(rest[..end].to_string());
                }
            }
        });
        let address = address
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| {
                let _ = child.kill();
                panic!("serve did not start:\n{}", stderr.lock().unwrap())
            });
        let out = eventually("the output folder line", || {
            let text = stderr.lock().unwrap();
            text.lines()
                .find_map(|l| l.strip_prefix("Output folder: "))
                .map(PathBuf::from)
        });
        Server {
            child,
            address,
            out,
            stderr,
        }
    }
}

impl Server {
    /// What it printed on standard error so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// `GET path` (sent as written).
    pub fn get(&self, path: &str) -> Response {
        let raw = self.raw(format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        ));
        parse(&raw)
    }

    /// Sends `request` as bytes and returns the whole answer (empty if the
    /// server closed the connection without one).
    pub fn raw(&self, request: impl AsRef<[u8]>) -> Vec<u8> {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        stream.write_all(request.as_ref()).unwrap();
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        answer
    }

    /// Polls `path` until `check` accepts the response.
    pub fn wait_for(&self, what: &str, path: &str, check: impl Fn(&Response) -> bool) -> Response {
        eventually(what, || Some(self.get(path)).filter(|r| check(r)))
    }

    /// A connection to the live-reload events.
    pub fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        // HTTP/1.0: the stream comes without chunked framing.
        stream
            .write_all(b"GET /__parvis/events HTTP/1.0\r\n\r\n")
            .unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in reader.lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(data) = line.strip_prefix("data: ") {
                    if sender.send((name.clone(), data.to_string())).is_err() {
                        break;
                    }
                }
            }
        });
        let events = Events { receiver, stream };
        events.next_named("hello");
        events
    }

    /// Stops it as Ctrl+C would (SIGTERM) and waits for the exit.
    pub fn stop(mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        eventually("serve to stop", || self.child.try_wait().unwrap())
    }
}

impl Drop for Server {
    /// SIGTERM first, so that it removes its temporary folder; SIGKILL if
    /// it has not stopped within a few seconds.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let pid = self.child.id().to_string();
            let _ = Command::new("kill").args(["-TERM", &pid]).status();
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An open event stream.
pub struct Events {
    receiver: Receiver<(String, String)>,
    stream: TcpStream,
}

impl Events {
    /// The next event named `name` (others are skipped); its data.
    pub fn next_named(&self, name: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.receiver.recv_timeout(left) {
                Ok((n, data)) if n == name => return data,
                Ok(_) => {}
                Err(_) => panic!("no `{name}` event within {PATIENCE:?}"),
            }
        }
    }

    /// The next event, whatever it is: (name, data).
    pub fn next(&self) -> (String, String) {
        self.receiver
            .recv_timeout(PATIENCE)
            .unwrap_or_else(|_| panic!("no event within {PATIENCE:?}"))
    }

    /// Closes the connection abruptly, as a browser tab would.
    pub fn drop_connection(self) {
        let _ = self.stream.shutdown(Shutdown::Both);
    }
}

/// Polls `f` every 20 ms until it gives a value, for at most [`PATIENCE`].
pub fn eventually<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = f() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn parse(raw: &[u8]) -> Response {
    let text = String::from_utf8_lossy(raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_string(),
    }
}
