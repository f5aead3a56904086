//! The tab-separated format every knowledge file uses (see `data/README.md`).
//!
//! Columns are found by header name, so files stay readable and users may reorder or add
//! columns; every row keeps its line number so validation errors point at the exact line.

use crate::error::{CoreError, Result};

/// One parsed knowledge file.
pub struct Table<'a> {
    file: String,
    columns: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

/// One row, with access to fields by column name.
pub struct Row<'t, 'a> {
    table: &'t Table<'a>,
    line: usize,
    fields: &'t [&'a str],
}

impl<'a> Table<'a> {
    /// Parse `text`; `file` names it in errors.
    pub fn parse(file: &str, text: &'a str) -> Result<Table<'a>> {
        let mut columns: Option<Vec<&str>> = None;
        let mut rows = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            match &columns {
                None => columns = Some(fields),
                Some(cols) => {
                    if fields.len() > cols.len() {
                        return Err(CoreError::Knowledge {
                            file: file.to_string(),
                            line: i + 1,
                            message: format!(
                                "{} fields but the header has {} columns",
                                fields.len(),
                                cols.len()
                            ),
                        });
                    }
                    rows.push((i + 1, fields));
                }
            }
        }
        Ok(Table {
            file: file.to_string(),
            columns: columns.unwrap_or_default(),
            rows,
        })
    }

    /// Fail early when a required column is absent.
    pub fn require(&self, names: &[&str]) -> Result<()> {
        for n in names {
            if !self.columns.contains(n) {
                return Err(CoreError::MissingColumn {
                    file: self.file.clone(),
                    column: (*n).to_string(),
                });
            }
        }
        Ok(())
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(move |(line, fields)| Row {
            table: self,
            line: *line,
            fields,
        })
    }

    pub fn file(&self) -> &str {
        &self.file
    }
}

impl<'t, 'a> Row<'t, 'a> {
    /// The field of column `name`, empty when the column or the field is missing.
    pub fn get(&self, name: &str) -> &'a str {
        self.table
            .columns
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.fields.get(i).copied())
            .unwrap_or("")
    }

    /// The `|`-separated values of column `name`, without empty ones.
    pub fn list(&self, name: &str) -> impl Iterator<Item = &'a str> {
        self.get(name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// A non-empty field, or an error naming the line.
    pub fn required(&self, name: &str) -> Result<&'a str> {
        let v = self.get(name);
        if v.is_empty() {
            Err(self.error(format!("column `{name}` is empty")))
        } else {
            Ok(v)
        }
    }

    pub fn line(&self) -> usize {
        self.line
    }

    /// An error pointing at this row.
    pub fn error(&self, message: String) -> CoreError {
        CoreError::Knowledge {
            file: self.table.file.clone(),
            line: self.line,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_found_by_name_and_comments_skipped() {
        let t = Table::parse("x.tsv", "# note\nb\ta\n\n2\t1|3|\n").unwrap();
        let row = t.rows().next().unwrap();
        assert_eq!(row.get("a"), "1|3|");
        assert_eq!(row.list("a").collect::<Vec<_>>(), vec!["1", "3"]);
        assert_eq!(row.get("b"), "2");
        assert_eq!(row.get("missing"), "");
        assert_eq!(row.line(), 4);
    }

    #[test]
    fn too_many_fields_names_file_and_line() {
        let err = Table::parse("x.tsv", "a\n1\t2\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "x.tsv:2: 2 fields but the header has 1 columns"
        );
    }

    #[test]
    fn missing_required_column_is_reported() {
        let t = Table::parse("x.tsv", "a\n1\n").unwrap();
        assert!(t.require(&["a"]).is_ok());
        assert!(t
            .require(&["code"])
            .unwrap_err()
            .to_string()
            .contains("code"));
    }
}
