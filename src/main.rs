//! The public app: the catalog and the service pages (`otinish::PublicApp`), what a first
//! visit downloads. The applicant's app (`src/bin/otinish-applicant.rs`) has every page.
fn main() {
    console_error_panic_hook::set_once();
    // The app is drawn once its language's messages have arrived (src/i18n/mod.rs); on a public
    // page the prerendered HTML is shown until then (src/prerender.rs).
    otinish::i18n::public_messages_only();
    wasm_bindgen_futures::spawn_local(async {
        // The page's own code too, where it is split off (src/split.rs), fetched beside them.
        futures_util::future::join(
            otinish::i18n::load_initial(),
            otinish::preload_public_page(),
        )
        .await;
        otinish::mount_in_place(otinish::PublicApp);
        otinish::prefetch_public_pages();
    });
}
