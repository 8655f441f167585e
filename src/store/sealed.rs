//! Share files protected with a passphrase: the whole share file encrypted with age's
//! passphrase mode (scrypt, then ChaCha20-Poly1305), so a lost USB stick gives away no phone
//! numbers. Only the share file on the stick is protected; the plain copy it is made from lives
//! in this computer's private temporary folder and is removed at once.

use super::{Error, Result};
use age::secrecy::SecretString;
use std::io::{Read, Write};
use std::path::Path;

/// How every age file begins.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// The most scrypt work a file may ask of us (2^20: a few seconds): a hostile file cannot make
/// a merge spin for hours.
const MAX_WORK_FACTOR: u8 = 20;

/// Whether `path` is a passphrase-protected file (an age file).
pub fn is_sealed(path: &Path) -> bool {
    let mut start = [0u8; AGE_MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok()
        && start == AGE_MAGIC
}

/// Encrypts `plain` into `sealed` with `passphrase`.
pub(super) fn seal(plain: &Path, sealed: &Path, passphrase: &str) -> Result<()> {
    let encryptor = age::Encryptor::with_user_passphrase(SecretString::from(passphrase.to_owned()));
    let file = std::fs::File::create(sealed)?;
    let mut writer = encryptor
        .wrap_output(std::io::BufWriter::new(file))
        .map_err(Error::Io)?;
    std::io::copy(&mut std::fs::File::open(plain)?, &mut writer)?;
    // Flushed to the disk when it is moved into its place (`durable::replace`).
    writer.finish()?.flush()?;
    Ok(())
}

/// Decrypts `sealed` into `plain` with `passphrase`.
pub(super) fn unseal(sealed: &Path, plain: &Path, passphrase: &str) -> Result<()> {
    let damaged = || Error::Corrupt("the protected share file is damaged".to_owned());
    let decryptor = age::Decryptor::new(std::io::BufReader::new(std::fs::File::open(sealed)?))
        .map_err(|_| damaged())?;
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => {
                Error::WrongPassphrase
            }
            _ => damaged(),
        })?;
    let mut out = std::fs::File::create(plain)?;
    // A wrong byte anywhere fails the authentication of its chunk: the file is damaged.
    std::io::copy(&mut reader, &mut out).map_err(|_| damaged())?;
    Ok(())
}
