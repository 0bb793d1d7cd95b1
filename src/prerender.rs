//! The public pages rendered to HTML at build time, natively, by the app's own components
//! (`PublicApp`): a first visit paints from the HTML at once, and it reads with JavaScript
//! off. `src/bin/otinish-prerender.rs` writes them into `dist/`; the wasm app then mounts in
//! place of the HTML (`app::mount_in_place`).
//!
//! A static host cannot choose a language, so each language has its own addresses: Russian
//! (the default) at the app's own (`/`, `/services/<id>`), Kazakh under `/kk` (`/kk`,
//! `/kk/services/<id>`). The files are `<address>.html` (`index.html` for `/`), which nginx
//! (`try_files $uri $uri.html`), the reference backend and most static hosts serve for the
//! address without the extension. `boot.js` (`scripts/boot-page`) takes a visitor whose
//! language is Kazakh to the Kazakh file, and on it puts the app's own address back in the
//! address bar (`/services/<id>?lang=kk`), so the app and its language switch work as ever.

use crate::i18n::{Lang, prerender_in};
use crate::router::RequestUrl;
use leptos::prelude::*;
use otinish_core::{catalog, wizard};

/// One rendered page.
#[derive(Debug)]
pub struct Page {
    /// The app's address of the page: `/`, `/services/<id>`.
    pub path: String,
    pub lang: Lang,
    /// What `<title>` says (the page's own, as the app sets it).
    pub title: String,
    /// What `<body>` holds, links made to work without JavaScript (see [`offline_links`]).
    pub body: String,
}

impl Page {
    /// The address this page is served at: its path, under `/kk` in Kazakh.
    pub fn url(&self) -> String {
        url_of(&self.path, self.lang)
    }

    /// Where in `dist/` the file goes: `index.html`, `services/<id>.html`, `kk.html`,
    /// `kk/services/<id>.html`.
    pub fn file(&self) -> String {
        match self.url().as_str() {
            "/" => "index.html".to_owned(),
            url => format!("{}.html", &url[1..]),
        }
    }
}

/// `template` (the one page, `dist/index.html`) holding `page`: its language and address on
/// `<html>` (`boot.js` reads them), its title, and its body after the `<noscript>` note, which
/// stays first for a reader without JavaScript (the forms need it).
pub fn fill(template: &str, page: &Page) -> String {
    let html_start = template.find("<html").expect("the page has <html>");
    let html_end = html_start + template[html_start..].find('>').expect("<html> ends");
    let title_start = template.find("<title>").expect("the page has a <title>");
    let title_end = template.find("</title>").expect("</title>") + "</title>".len();
    let body_end = template.rfind("</body>").expect("the page has </body>");
    assert!(
        html_end < title_start && title_end < body_end,
        "<html>, <title>, </body> in order"
    );
    format!(
        "{}<html lang=\"{}\" data-page=\"{}\">{}<title>{}</title>{}{}{}",
        &template[..html_start],
        page.lang.code(),
        page.path,
        &template[html_end + 1..title_start],
        escape(&page.title),
        &template[title_end..body_end],
        page.body,
        &template[body_end..],
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn url_of(path: &str, lang: Lang) -> String {
    match (lang, path) {
        (Lang::Ru, path) => path.to_owned(),
        (Lang::Kk, "/") => "/kk".to_owned(),
        (Lang::Kk, path) => format!("/kk{path}"),
    }
}

/// The addresses of every public page: the catalog and each service page.
pub fn paths() -> Vec<String> {
    std::iter::once("/".to_owned())
        .chain(
            catalog::catalog()
                .services
                .iter()
                .map(|service| format!("/services/{}", service.id)),
        )
        .collect()
}

/// The start of each service's form, `/services/<id>/apply`, where the service page's
/// button leads, with the address of the step it opens on for a visitor who is not signed in
/// and has no draft (`/services/<id>/apply/<step>`). The applicant's app sends that visitor
/// on to that step and draws the same page, so its prerendered HTML is what the app then
/// shows: the form's first page paints before the applicant's wasm has arrived.
pub fn wizard_starts() -> Vec<(String, String)> {
    let today = chrono::Local::now().date_naive();
    catalog::catalog()
        .services
        .iter()
        .filter_map(|service| {
            let (mut sub_case, mut provider) = (None, None);
            wizard::settle(service, &mut sub_case, &mut provider);
            let progress = wizard::Progress {
                sub_case,
                provider: provider.as_deref(),
                fee: None,
                submitted: false,
            };
            let first = wizard::steps(service, progress, None, today)
                .into_iter()
                .next()?;
            Some((
                format!("/services/{}/apply", service.id),
                first.href(&service.id),
            ))
        })
        .collect()
}

/// Renders the public app at `path` in `lang`, as the app itself would draw it for a
/// visitor who is not signed in and has no draft.
pub fn render(path: &str, lang: Lang) -> Page {
    render_app(path, path, lang, false)
}

/// Renders the applicant's app at `shown` (a step of the form) in `lang`, for the address
/// `path` that leads there (see [`wizard_starts`]).
pub fn render_applicant(path: &str, shown: &str, lang: Lang) -> Page {
    render_app(path, shown, lang, true)
}

fn render_app(path: &str, shown: &str, lang: Lang, applicant: bool) -> Page {
    prerender_in(lang);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl(shown.to_owned()));
        if applicant {
            view! { <crate::ApplicantApp/> }.to_html()
        } else {
            view! { <crate::PublicApp/> }.to_html()
        }
    });
    drop(owner);
    let title = crate::components::take_prerendered_title()
        .unwrap_or_else(|| crate::i18n::format(lang, "app-name", None, &[]));
    Page {
        path: path.to_owned(),
        lang,
        title,
        body: offline_links(&html, path, lang),
    }
}

/// Links as they must be for a reader without JavaScript: the language switch's `?lang=`
/// links (which the app handles in place) lead to the other language's file, and a Kazakh
/// page's links to other public pages stay in Kazakh. The app, once started, draws its own.
fn offline_links(html: &str, path: &str, lang: Lang) -> String {
    let mut html = html.to_owned();
    if lang != Lang::Ru {
        // The catalog's search form.
        html = html.replace("action=\"/\"", &format!("action=\"{}\"", url_of("/", lang)));
        for public in paths() {
            html = html.replace(
                &format!("href=\"{public}\""),
                &format!("href=\"{}\"", url_of(&public, lang)),
            );
        }
    }
    // Last: the Russian switch link's `/…` must not be taken for a link to stay in Kazakh.
    for other in Lang::ALL {
        html = html.replace(
            &format!("href=\"?lang={}\"", other.code()),
            &format!("href=\"{}\"", url_of(path, other)),
        );
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_lists_every_service_with_working_links_in_each_language() {
        for lang in Lang::ALL {
            let page = render("/", lang);
            for service in &catalog::catalog().services {
                let short = crate::i18n::format(
                    lang,
                    &catalog::messages::service_short(&service.id),
                    None,
                    &[],
                );
                assert!(page.body.contains(&short), "{lang:?}: {short} missing");
                let link = format!(
                    "href=\"{}\"",
                    url_of(&format!("/services/{}", service.id), lang)
                );
                assert!(page.body.contains(&link), "{lang:?}: {link} missing");
            }
            // The switch leads to each language's file.
            for other in Lang::ALL {
                let link = format!("href=\"{}\" lang=\"{}\"", url_of("/", other), other.code());
                assert!(page.body.contains(&link), "{lang:?}: {link} missing");
            }
            assert!(!page.body.contains("?lang="), "{lang:?}");
            assert_eq!(page.lang, lang);
        }
        assert_eq!(render("/", Lang::Kk).file(), "kk.html");
        assert_eq!(render("/", Lang::Ru).file(), "index.html");
    }

    #[test]
    fn a_service_page_shows_its_facts_and_title_and_no_message_id() {
        let service = &catalog::catalog().services[0];
        let path = format!("/services/{}", service.id);
        for lang in Lang::ALL {
            let page = render(&path, lang);
            let short = crate::i18n::format(
                lang,
                &catalog::messages::service_short(&service.id),
                None,
                &[],
            );
            assert!(page.title.starts_with(&short), "{lang:?}: {}", page.title);
            assert!(page.body.contains("<h1"), "{lang:?}");
            // Message ids look like `service-…`/`catalog-…`; none may reach the page.
            for id in [
                "service-start",
                "service-apply-heading",
                "nav-sign-in",
                "skip-to-content",
            ] {
                assert!(!page.body.contains(id), "{lang:?}: {id} shown as an id");
            }
            assert_eq!(
                page.file(),
                match lang {
                    Lang::Ru => format!("services/{}.html", service.id),
                    Lang::Kk => format!("kk/services/{}.html", service.id),
                }
            );
        }
    }

    #[test]
    fn the_one_page_is_filled_with_the_page_and_keeps_everything_else() {
        let template = "<!doctype html><html lang=ru><meta charset=utf-8><title>Өтініш</title>\
            <script src=\"/boot.js\"></script></head><body><noscript>JS</noscript></body></html>";
        let page = Page {
            path: "/services/a".to_owned(),
            lang: Lang::Kk,
            title: "A & B — Өтініш".to_owned(),
            body: "<main>x</main>".to_owned(),
        };
        assert_eq!(
            fill(template, &page),
            "<!doctype html><html lang=\"kk\" data-page=\"/services/a\"><meta charset=utf-8>\
             <title>A &amp; B — Өтініш</title><script src=\"/boot.js\"></script></head><body>\
             <noscript>JS</noscript><main>x</main></body></html>"
        );
    }

    #[test]
    fn the_form_starts_prerendered_on_its_first_step_in_each_language() {
        let starts = wizard_starts();
        assert_eq!(starts.len(), catalog::catalog().services.len());
        // Three sub-cases: the form opens on the choice between them.
        let (path, shown) = starts
            .iter()
            .find(|(path, _)| path == "/services/medical-licence/apply")
            .expect("the medical licence has a form");
        assert_eq!(shown, "/services/medical-licence/apply/case");
        for lang in Lang::ALL {
            let page = render_applicant(path, shown, lang);
            let heading = crate::i18n::format(lang, "wizard-sub-case-heading", None, &[]);
            assert_ne!(
                heading, "wizard-sub-case-heading",
                "the step's message id moved"
            );
            assert!(
                page.body.contains(&format!("<h1>{heading}</h1>")),
                "{lang:?}: {}",
                page.body
            );
            assert!(
                page.body.contains("type=\"radio\""),
                "{lang:?}: no choice drawn"
            );
            assert!(
                !page.body.contains("wizard-"),
                "{lang:?}: a message id shown"
            );
            assert_eq!(page.path, "/services/medical-licence/apply");
            assert_eq!(
                page.file(),
                match lang {
                    Lang::Ru => "services/medical-licence/apply.html",
                    Lang::Kk => "kk/services/medical-licence/apply.html",
                }
            );
        }
    }

    #[test]
    fn an_unknown_service_renders_the_not_found_page() {
        let page = render("/services/no-such-service", Lang::Ru);
        let heading = crate::i18n::format(Lang::Ru, "not-found-title", None, &[]);
        assert_ne!(
            heading, "not-found-title",
            "the message id of the not-found page moved"
        );
        assert!(page.body.contains(&heading));
    }
}
