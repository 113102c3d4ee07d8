//! Readable highlighting: syntect's stock themes have token colours that
//! fail WCAG AA on a code background (some GitHub greens are 2.8:1). Each
//! colour of the generated stylesheet is darkened (light scheme) or
//! lightened (dark scheme) just enough to reach 4.5:1, and backgrounds are
//! left to the theme.

/// The contrast every token colour must reach (AA for normal text, with a
/// little margin for rounding).
const TARGET: f64 = 4.6;

/// Rewrites `css` (one syntect theme) so every `color:` reaches [`TARGET`]
/// against `background` (`#rrggbb`), and drops `background-color:` lines.
pub(super) fn enforce(css: &str, background: [u8; 3], dark: bool) -> String {
    let mut out = String::with_capacity(css.len());
    for line in css.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("background-color:") {
            continue;
        }
        match trimmed
            .strip_prefix("color:")
            .map(str::trim)
            .and_then(parse_hex)
        {
            Some(colour) => {
                let fixed = readable(colour, background, dark);
                out.push_str(&format!(
                    " color: #{:02x}{:02x}{:02x};",
                    fixed[0], fixed[1], fixed[2]
                ));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// `#rrggbb;` or `#rrggbbaa;` (alpha ignored).
fn parse_hex(value: &str) -> Option<[u8; 3]> {
    let hex = value.strip_prefix('#')?.trim_end_matches(';');
    if hex.len() != 6 && hex.len() != 8 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Mixes `colour` towards black (or white on a dark background) until it
/// reads well on `background`.
fn readable(colour: [u8; 3], background: [u8; 3], dark: bool) -> [u8; 3] {
    let towards = if dark { 255.0 } else { 0.0 };
    for step in 0..=20 {
        let t = f64::from(step) / 20.0;
        let mixed = colour.map(|c| (f64::from(c) * (1.0 - t) + towards * t).round() as u8);
        if contrast(mixed, background) >= TARGET {
            return mixed;
        }
    }
    [towards as u8; 3]
}

/// WCAG 2.1 contrast ratio.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIGHT_BG: [u8; 3] = [0xe6, 0xeb, 0xf0];
    const DARK_BG: [u8; 3] = [0x2b, 0x30, 0x3b];

    #[test]
    fn pale_colours_are_darkened_until_readable() {
        let out = enforce(
            ".a {\n color: #62a35c;\n background-color: #ffffff;\n}\n",
            LIGHT_BG,
            false,
        );
        assert!(!out.contains("background-color"));
        let colour = out
            .lines()
            .find_map(|l| l.trim().strip_prefix("color:").map(str::trim))
            .and_then(parse_hex);
        let colour = colour.expect("a colour");
        assert!(contrast(colour, LIGHT_BG) >= 4.5, "{out}");
        assert_ne!(colour, [0x62, 0xa3, 0x5c]);
    }

    #[test]
    fn readable_colours_are_kept_and_dark_ones_lightened() {
        assert_eq!(
            readable([0x18, 0x36, 0x91], LIGHT_BG, false),
            [0x18, 0x36, 0x91]
        );
        let lifted = readable([0x32, 0x32, 0x32], DARK_BG, true);
        assert!(contrast(lifted, DARK_BG) >= 4.5);
    }

    #[test]
    fn known_contrast_values() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!((contrast([0x76, 0x76, 0x76], [255, 255, 255]) - 4.54).abs() < 0.01);
    }
}
