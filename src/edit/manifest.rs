//! Adding a feature to a dependency of `Cargo.toml` (`tokio = "1"` becomes
//! `tokio = { version = "1", features = ["macros"] }`), keeping the rest of the file as written.
//! Only the inline forms are edited; a `[dependencies.tokio]` table gives no edit.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::Replacement;

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    dependencies: BTreeMap<String, Spanned<toml::Value>>,
}

pub fn add_feature(text: &str, dependency: &str, feature: &str) -> Option<Vec<Replacement>> {
    let manifest: Manifest = toml::from_str(text).ok()?;
    let value = manifest.dependencies.get(dependency)?;
    let range = value.span();
    let written = text.get(range.clone())?.trim_start();
    let new = match value.get_ref() {
        toml::Value::String(version) if written.starts_with('"') => {
            format!(
                "{{ version = {}, features = [{}] }}",
                quote(version),
                quote(feature)
            )
        }
        toml::Value::Table(table) if written.starts_with('{') => {
            let features: Vec<&str> = match table.get("features") {
                Some(toml::Value::Array(list)) => list.iter().filter_map(|v| v.as_str()).collect(),
                None => Vec::new(),
                Some(_) => return None,
            };
            if features.iter().any(|f| *f == feature || *f == "full") {
                return None;
            }
            let mut parts: Vec<String> = table
                .iter()
                .filter(|(k, _)| *k != "features")
                .map(|(k, v)| format!("{k} = {v}"))
                .collect();
            let mut all: Vec<String> = features.iter().map(|f| quote(f)).collect();
            all.push(quote(feature));
            parts.push(format!("features = [{}]", all.join(", ")));
            format!("{{ {} }}", parts.join(", "))
        }
        _ => return None,
    };
    Some(vec![Replacement { range, text: new }])
}

#[derive(Deserialize)]
struct PackageManifest {
    package: Option<Package>,
}

#[derive(Deserialize)]
struct Package {
    edition: Option<Spanned<toml::Value>>,
}

/// The package's `edition` set to this one: the value replaced, or the key added under
/// `[package]`.
pub fn set_edition(text: &str, edition: &str) -> Option<Vec<Replacement>> {
    let manifest: PackageManifest = toml::from_str(text).ok()?;
    let package = manifest.package?;
    match package.edition {
        Some(value) if value.get_ref().as_str() == Some(edition) => None,
        Some(value) => Some(vec![Replacement {
            range: value.span(),
            text: quote(edition),
        }]),
        None => {
            let header = text.find("[package]")?;
            let line_end = header + text[header..].find('\n')? + 1;
            Some(vec![Replacement {
                range: line_end..line_end,
                text: format!("edition = {}\n", quote(edition)),
            }])
        }
    }
}

fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, feature: &str) -> Option<String> {
        let r = add_feature(text, "tokio", feature)?;
        let mut out = text.to_owned();
        out.replace_range(r[0].range.clone(), &r[0].text);
        Some(out)
    }

    #[test]
    fn the_edition_is_set_or_added() {
        let set = |text: &str| {
            let r = set_edition(text, "2021")?;
            let mut out = text.to_owned();
            out.replace_range(r[0].range.clone(), &r[0].text);
            Some(out)
        };
        assert_eq!(
            set("[package]\nname = \"a\"\nedition = \"2015\"\n").unwrap(),
            "[package]\nname = \"a\"\nedition = \"2021\"\n"
        );
        assert_eq!(
            set("[package]\nname = \"a\"\n").unwrap(),
            "[package]\nedition = \"2021\"\nname = \"a\"\n"
        );
        assert!(set("[package]\nedition = \"2021\"\n").is_none());
    }

    #[test]
    fn features_are_added_to_the_inline_forms() {
        assert_eq!(
            edited("[dependencies]\ntokio = \"1\"\n", "macros").unwrap(),
            "[dependencies]\ntokio = { version = \"1\", features = [\"macros\"] }\n"
        );
        assert_eq!(
            edited(
                "[dependencies]\ntokio = { version = \"1\", features = [\"rt\"] }\n",
                "macros"
            )
            .unwrap(),
            "[dependencies]\ntokio = { version = \"1\", features = [\"rt\", \"macros\"] }\n"
        );
        assert!(
            edited(
                "[dependencies]\ntokio = { version = \"1\", features = [\"full\"] }\n",
                "net"
            )
            .is_none()
        );
        assert!(edited("[dependencies.tokio]\nversion = \"1\"\n", "net").is_none());
    }
}
