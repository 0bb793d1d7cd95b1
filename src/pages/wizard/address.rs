//! What the form's address carries after `?`, read through the router (its location's query),
//! so that a page never reads the browser's address behind the router's back: while the
//! router renders a page, the browser's address may still be the previous page's.

use crate::router::ParamsMap;

/// The form's query parameters. Each is optional; an empty value counts as none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WizardQuery {
    /// `?return=check`: on the way back to "check your answers" after a change.
    pub returning: bool,
    /// `?new=1`: start afresh ("start again" on the service page).
    pub fresh: bool,
    /// `?provider=`: the provider the "before you start" page showed.
    pub provider: Option<String>,
    /// `?application=`: a backend draft to open here (from the cabinet or another device).
    pub application: Option<String>,
    /// `?payment=`: the payment the gateway sent the applicant back from.
    pub payment: Option<String>,
}

impl WizardQuery {
    pub fn from_map(map: &ParamsMap) -> Self {
        let value = |name: &str| map.get(name).filter(|v| !v.is_empty());
        WizardQuery {
            returning: value("return").as_deref() == Some("check"),
            fresh: value("new").is_some(),
            provider: value("provider"),
            application: value("application"),
            payment: value("payment"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> WizardQuery {
        let mut map = ParamsMap::default();
        for (key, value) in pairs {
            map.insert(*key, *value);
        }
        WizardQuery::from_map(&map)
    }

    #[test]
    fn reads_each_parameter_and_takes_an_empty_one_for_none() {
        assert_eq!(query(&[]), WizardQuery::default());
        let read = query(&[
            ("return", "check"),
            ("new", "1"),
            ("provider", "vko-health"),
            ("application", ""),
            ("payment", "p1"),
        ]);
        assert!(read.returning && read.fresh);
        assert_eq!(read.provider.as_deref(), Some("vko-health"));
        assert_eq!(read.application, None);
        assert_eq!(read.payment.as_deref(), Some("p1"));
        // Only "check" is a way back.
        assert!(!query(&[("return", "cabinet")]).returning);
    }
}
