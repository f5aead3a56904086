//! Records to Python objects through their `Serialize` impls, the ones the CLI prints JSON with,
//! so a dict has exactly the fields and values of the CLI's line (same names, same skipped
//! fields, non-finite numbers as `None` as serde_json writes `null`).
//!
//! Written here rather than taken from `pythonize` because building the dicts is the part of
//! `extract_many` that holds the GIL: field names are interned once and short repeated values
//! (record kinds, codes, sectors, the document id, dates) are shared, which roughly halves the
//! time spent per record.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use rustc_hash::FxHashMap as HashMap;
use serde::ser::{self, Serialize};
use std::fmt;

/// Why a record could not be turned into Python objects (a Python error, in practice memory).
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Strings made once per call: field names (by address: they are `&'static str`) and short
/// values (by content), which recur in every record of a batch.
pub struct Cache<'py> {
    keys: HashMap<(usize, usize), Bound<'py, PyString>>,
    values: HashMap<String, Bound<'py, PyString>>,
}

/// Values longer than this (sentences, bodies) are rarely repeated: not worth a look-up.
const SHORT: usize = 24;
/// Bound on the cached values, so a huge batch cannot grow the cache without limit.
const MAX_VALUES: usize = 8192;

impl<'py> Cache<'py> {
    pub fn new() -> Self {
        Cache {
            keys: HashMap::default(),
            values: HashMap::default(),
        }
    }

    fn key(&mut self, py: Python<'py>, k: &'static str) -> Bound<'py, PyString> {
        self.keys
            .entry((k.as_ptr() as usize, k.len()))
            .or_insert_with(|| PyString::intern(py, k))
            .clone()
    }

    fn value(&mut self, py: Python<'py>, v: &str) -> Bound<'py, PyString> {
        if v.len() > SHORT {
            return PyString::new(py, v);
        }
        if let Some(s) = self.values.get(v) {
            return s.clone();
        }
        let s = PyString::new(py, v);
        if self.values.len() < MAX_VALUES {
            self.values.insert(v.to_string(), s.clone());
        }
        s
    }
}

/// Pauses Python's cyclic garbage collector while records are built, and restores its state
/// when dropped. The records hold no cycles, and the collector would otherwise walk the growing
/// result again and again (a fifth of the time spent building them, measured).
pub struct GcPause {
    was_enabled: bool,
}

impl GcPause {
    pub fn new(_py: Python<'_>) -> GcPause {
        // SAFETY: the `Python` token proves the GIL is held, as both calls require.
        let was_enabled = unsafe { pyo3::ffi::PyGC_Disable() } == 1;
        GcPause { was_enabled }
    }
}

impl Drop for GcPause {
    fn drop(&mut self) {
        if self.was_enabled {
            // SAFETY: a GcPause lives only on the thread that holds the GIL, in code that does
            // not release it (it is not Send), so the GIL is still held here.
            unsafe {
                pyo3::ffi::PyGC_Enable();
            }
        }
    }
}

/// Serialise `value` into Python objects.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    cache: &mut Cache<'py>,
    value: &T,
) -> Result<Bound<'py, PyAny>> {
    value.serialize(ToPy { py, cache })
}

struct ToPy<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut Cache<'py>,
}

pub struct Seq<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut Cache<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

pub struct Map<'a, 'py> {
    py: Python<'py>,
    cache: &'a mut Cache<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    /// For struct variants: `{variant: fields}`.
    variant: Option<&'static str>,
}

impl<'a, 'py> ToPy<'a, 'py> {
    fn map(self, variant: Option<&'static str>) -> Map<'a, 'py> {
        Map {
            py: self.py,
            dict: PyDict::new(self.py),
            cache: self.cache,
            key: None,
            variant,
        }
    }
    fn seq(self, len: Option<usize>) -> Seq<'a, 'py> {
        Seq {
            py: self.py,
            cache: self.cache,
            items: Vec::with_capacity(len.unwrap_or(0)),
        }
    }
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py, v).into_any())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py, v).into_any())
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        // serde_json writes NaN and infinities as null: so do we.
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(self.cache.value(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyBytes::new(self.py, v).into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.cache.key(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let py = self.py;
        let key = self.cache.key(py, variant);
        let inner = value.serialize(ToPy {
            py,
            cache: self.cache,
        })?;
        let d = PyDict::new(py);
        d.set_item(key, inner)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(self.seq(len))
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        Ok(self.seq(Some(len)))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Ok(self.seq(Some(len)))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Ok(self.seq(Some(len)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(self.map(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Ok(self.map(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Ok(self.map(Some(variant)))
    }
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let v = value.serialize(ToPy {
            py: self.py,
            cache: self.cache,
        })?;
        self.items.push(v);
        Ok(())
    }
    fn list(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'py> Map<'_, 'py> {
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<Bound<'py, PyAny>> {
        value.serialize(ToPy {
            py: self.py,
            cache: self.cache,
        })
    }
    fn dict(self) -> Result<Bound<'py, PyAny>> {
        match self.variant {
            None => Ok(self.dict.into_any()),
            Some(v) => {
                let outer = PyDict::new(self.py);
                outer.set_item(self.cache.key(self.py, v), self.dict)?;
                Ok(outer.into_any())
            }
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(self.value(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let v = self.value(value)?;
        let k = self
            .key
            .take()
            .ok_or_else(|| Error("a map value came before its key".into()))?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.dict()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        let v = self.value(value)?;
        let k = self.cache.key(self.py, key);
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.dict()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.dict()
    }
}
