//! Looking things up in the catalog: by id, and the search and filters of the home page.

use super::model::*;

impl Catalog {
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }
    pub fn act(&self, id: &str) -> Option<&LegalAct> {
        self.acts.iter().find(|a| a.id == id)
    }
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

impl Service {
    pub fn provision(&self, provider: &str) -> Option<&Provision> {
        self.provisions.iter().find(|p| p.provider == provider)
    }

    /// Who may apply to this service at this provider.
    pub fn applicants_at<'a>(&'a self, provision: &'a Provision) -> &'a [ApplicantType] {
        if provision.applicants.is_empty() {
            &self.applicants
        } else {
            &provision.applicants
        }
    }
}

/// Folds text for search: lower case, and `ё` read as `е`. Kazakh letters (ә, ғ, қ, ң, ө, ұ,
/// ү, һ, і) have their own lower case in Unicode, so `to_lowercase` already covers them.
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

/// Whether every word of the query occurs in the haystack (already folded).
pub fn matches(folded_haystack: &str, query: &str) -> bool {
    fold(query)
        .split_whitespace()
        .all(|word| folded_haystack.contains(word))
}
