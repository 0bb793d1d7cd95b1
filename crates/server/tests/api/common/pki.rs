//! The test PKI (`scripts/test-pki`): its trust store, a real OCSP responder (`openssl ocsp`
//! on a loopback port) for each test that needs one, and CMS signatures made by `openssl cms`
//! with its keys, as NCALayer makes them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

/// Where the PKI is: `target/test-pki` of the workspace, made once (a day) by the script.
pub fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = root.join("target/test-pki");
        let status = Command::new("bash")
            .arg(root.join("scripts/test-pki"))
            .arg(&dir)
            .status()
            .expect("scripts/test-pki runs (bash and openssl are needed)");
        assert!(status.success(), "scripts/test-pki failed");
        dir
    })
}

pub fn trust_store() -> otinish_server::signature::TrustStore {
    otinish_server::signature::TrustStore::load(&dir().join("trust-store")).unwrap()
}

pub fn cert_path(label: &str) -> PathBuf {
    dir().join("keys").join(format!("{label}.pem"))
}

/// A running `openssl ocsp` for the PKI; stopped when dropped.
pub struct Responder {
    child: Child,
    pub url: String,
}

impl Responder {
    pub fn start() -> Responder {
        let dir = dir();
        let port = free_port();
        let mut child = Command::new("openssl")
            .args(["ocsp", "-index"])
            .arg(dir.join("ca/index.txt"))
            .args(["-port", &port.to_string(), "-rsigner"])
            .arg(dir.join("ocsp/ocsp.pem"))
            .arg("-rkey")
            .arg(dir.join("ocsp/ocsp.key"))
            .arg("-CA")
            .arg(dir.join("trust-store/intermediate.pem"))
            .args(["-ndays", "1", "-ignore_err"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("openssl ocsp starts");
        // Ready once it says so. Not by connecting to it: a connection that sends nothing
        // holds `openssl ocsp`, which answers one client at a time, for good.
        let stderr = child.stderr.take().expect("piped");
        let (ready, listening) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                if line.contains("waiting for OCSP client connections") {
                    let _ = ready.send(());
                }
            }
        });
        let stdout = child.stdout.take().expect("piped");
        std::thread::spawn(move || std::io::copy(&mut { stdout }, &mut std::io::sink()));
        listening
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("openssl ocsp listens");
        Responder {
            child,
            url: format!("http://127.0.0.1:{port}/"),
        }
    }
}

impl Drop for Responder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A detached CMS over `data` made with the key `label` (`keys/<label>.pem` and `.key`),
/// DER, with the intermediate beside the signer's certificate, as NCALayer sends it.
/// `options` go to `openssl cms -sign` (`-md sha384`, `-keyopt rsa_padding_mode:pss`,
/// `-stream` for BER's indefinite lengths…).
pub fn sign(label: &str, data: &[u8], options: &[&str]) -> Vec<u8> {
    sign_with(
        &cert_path(label),
        &dir().join("keys").join(format!("{label}.key")),
        data,
        options,
    )
}

pub fn sign_with(cert: &Path, key: &Path, data: &[u8], options: &[&str]) -> Vec<u8> {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("data");
    let output = work.path().join("cms.der");
    std::fs::write(&input, data).unwrap();
    let status = Command::new("openssl")
        .args([
            "cms",
            "-sign",
            "-binary",
            "-nosmimecap",
            "-outform",
            "DER",
            "-in",
        ])
        .arg(&input)
        .arg("-signer")
        .arg(cert)
        .arg("-inkey")
        .arg(key)
        .arg("-certfile")
        .arg(dir().join("trust-store/intermediate.pem"))
        .arg("-out")
        .arg(&output)
        .args(if options.contains(&"-md") {
            &[][..]
        } else {
            &["-md", "sha256"][..]
        })
        .args(options)
        .status()
        .expect("openssl cms runs");
    assert!(
        status.success(),
        "openssl cms -sign with {}",
        cert.display()
    );
    std::fs::read(output).unwrap()
}

/// A key and a self-signed certificate no CA issued, naming `iin` as a НУЦ РК one would.
pub fn invented(iin: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let key = work.path().join("key.pem");
    let cert = work.path().join("cert.pem");
    let status = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .args(["-subj", &format!("/CN=INVENTED/serialNumber=IIN{iin}/C=KZ")])
        .args([
            "-addext",
            "keyUsage=critical,digitalSignature,nonRepudiation",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    (work, cert, key)
}
