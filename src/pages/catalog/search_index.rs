//! Search over both languages at once: an applicant may type a Russian term on the Kazakh
//! page or the other way round, and should find the service either way. The other language's
//! messages are downloaded when a search starts (`CatalogPage`); until they arrive, the index
//! holds the languages that are there.

use crate::i18n::{Lang, format, is_loaded};
use otinish_core::catalog::{self, messages, query};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone)]
pub struct SearchIndex {
    haystacks: Arc<HashMap<String, String>>,
}

impl SearchIndex {
    /// Folds every service's names, keywords, summary and providers, in every language loaded.
    pub fn build() -> SearchIndex {
        let catalog = catalog::catalog();
        let haystacks = catalog
            .services
            .iter()
            .map(|service| {
                let mut ids = vec![
                    messages::service_name(&service.id),
                    messages::service_short(&service.id),
                    messages::service_summary(&service.id),
                    messages::service_keywords(&service.id),
                ];
                ids.extend(
                    service
                        .provisions
                        .iter()
                        .map(|p| messages::provider(&p.provider)),
                );
                let text: Vec<String> = Lang::ALL
                    .iter()
                    .filter(|lang| is_loaded(**lang))
                    .flat_map(|lang| ids.iter().map(|id| format(*lang, id, None, &[])))
                    .collect();
                (service.id.clone(), query::fold(&text.join(" ")))
            })
            .collect();
        SearchIndex {
            haystacks: Arc::new(haystacks),
        }
    }

    pub fn matches(&self, service: &str, text: &str) -> bool {
        self.haystacks
            .get(service)
            .is_some_and(|haystack| query::matches(haystack, text))
    }
}
