//! The QR code as SVG, drawn by the backend so that no QR encoder ships in the wasm.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code for `text`: black modules on white with the standard four-module
/// quiet zone, medium error correction (a photographed screen loses some), and a size the
/// page can scale (it sets the width). `None` only for a text too long for any QR code.
pub fn svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_url_becomes_an_svg_image() {
        let image = super::svg("mobileSign:https://otinish.kz/api/v1/egov-mobile/abc").unwrap();
        assert!(image.contains("<svg"));
        assert!(image.contains("#000000"));
        // A longer text needs more modules, so the drawing differs.
        let longer = super::svg(&format!("mobileSign:{}", "x".repeat(300))).unwrap();
        assert_ne!(image, longer);
    }
}
