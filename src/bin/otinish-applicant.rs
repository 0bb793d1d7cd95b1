//! The applicant's app: every page, the application form and the cabinet too
//! (`otinish::ApplicantApp`). The public app (`src/main.rs`) leaves them out, so that a first
//! visit downloads less.
fn main() {
    console_error_panic_hook::set_once();
    // The app is drawn once its language's messages have arrived (src/i18n/mod.rs); on a public
    // page the prerendered HTML is shown until then (src/prerender.rs).
    wasm_bindgen_futures::spawn_local(async {
        // The page's own code too, where it is split off (src/split.rs), fetched beside them.
        futures_util::future::join(
            otinish::i18n::load_initial(),
            otinish::preload_applicant_page(),
        )
        .await;
        otinish::mount_in_place(otinish::ApplicantApp);
    });
}
