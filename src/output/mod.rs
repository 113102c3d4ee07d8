//! Output: the last stage, files on disk.
//!
//! [`writer`] keeps the previous output safe until a build has fully
//! succeeded; [`assets`] copies static files and names CSS and JavaScript
//! by their content.

pub mod assets;
pub mod writer;
