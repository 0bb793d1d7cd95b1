//! `otinish-prerender <dist>`: writes the public pages, rendered by the app's own components,
//! into a built `dist/` (`scripts/build`, after `scripts/boot-page`): the catalog and every
//! service page in each language, and each form's first step (`otinish::prerender`). Each
//! file is `dist/index.html`, the one page of both apps, with the page's language, title and
//! body: `boot.js` still starts the app the address belongs to, which then takes the page
//! over.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use otinish::i18n::Lang;
    use std::path::PathBuf;

    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned()));
    let template = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run scripts/boot-page first)",
            dist.join("index.html").display()
        )
    });
    assert!(
        !template.contains("data-page="),
        "{} is prerendered already: prerender the page scripts/boot-page wrote",
        dist.join("index.html").display()
    );
    let mut written = 0;
    let public = otinish::prerender::paths()
        .into_iter()
        .map(|path| (path, None));
    let starts = otinish::prerender::wizard_starts()
        .into_iter()
        .map(|(path, shown)| (path, Some(shown)));
    for (path, shown) in public.chain(starts) {
        for lang in Lang::ALL {
            let page = match &shown {
                None => otinish::prerender::render(&path, lang),
                Some(shown) => otinish::prerender::render_applicant(&path, shown, lang),
            };
            let html = otinish::prerender::fill(&template, &page);
            let file = dist.join(page.file());
            std::fs::create_dir_all(file.parent().expect("a file in dist/"))
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            std::fs::write(&file, html).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            written += 1;
        }
    }
    println!(
        "otinish-prerender: {written} pages written to {}",
        dist.display()
    );
}

// The bin is a native tool; a wasm build of the package (the browser tests) only compiles it.
#[cfg(target_arch = "wasm32")]
fn main() {}
