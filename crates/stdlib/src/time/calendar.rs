//! Broken-down time: `struct_time`, `gmtime`, `localtime`, `mktime`, `strftime`,
//! `asctime`, `ctime`, and the time zone description (`timezone`, `altzone`,
//! `daylight`, `tzname`) computed as CPython does on glibc, from January and July of
//! the current year.

use std::ffi::CString;

use adder_vm::objects::dict;
use adder_vm::objects::function::Args;
use adder_vm::protocol::number::as_float;
use adder_vm::{PyResult, Value, Vm};

use super::state;
use crate::args::{int_arg, positional};
use crate::structseq;

extern "C" {
    /// POSIX `tzset(3)` (not in the `libc` crate): re-reads `TZ`.
    #[link_name = "tzset"]
    fn c_tzset();
}

/// `time.struct_time`'s fields: nine in the tuple, the zone name and offset by name.
pub const FIELDS: &[&str] = &[
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];

/// A zeroed `struct tm`.
fn empty_tm() -> libc::tm {
    // SAFETY: all-zero is a valid `struct tm` (tm_zone a null pointer).
    unsafe { std::mem::zeroed() }
}

/// A `struct_time` from a C `struct tm`.
fn struct_time(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let zone = crate::posix::c_string_lossy(tm.tm_zone);
    let values = vec![
        Value::Int(i64::from(tm.tm_year) + 1900),
        Value::Int(i64::from(tm.tm_mon) + 1),
        Value::Int(tm.tm_mday.into()),
        Value::Int(tm.tm_hour.into()),
        Value::Int(tm.tm_min.into()),
        Value::Int(tm.tm_sec.into()),
        Value::Int(i64::from((tm.tm_wday + 6) % 7)),
        Value::Int(i64::from(tm.tm_yday) + 1),
        Value::Int(tm.tm_isdst.into()),
        vm.new_str(&zone),
        Value::Int(tm.tm_gmtoff),
    ];
    let ty = state(vm)?.struct_time.clone();
    structseq::new_instance(vm, &ty, values)
}

/// The optional seconds argument of `gmtime`/`localtime`/`ctime`: now when absent.
fn seconds_arg(vm: &mut Vm, args: &Args, func: &str) -> PyResult<libc::time_t> {
    let pos = positional(vm, args, func, 0, 1)?;
    match pos.first() {
        None | Some(Value::None) => {
            // SAFETY: time(NULL) has no memory effects.
            Ok(unsafe { libc::time(std::ptr::null_mut()) })
        }
        Some(v) => match as_float(v) {
            Some(f) if f.is_nan() => Err(vm.value_error("Invalid value NaN (not a number)")),
            Some(f) if f.abs() >= 9.2e18 => {
                Err(vm.overflow_error("timestamp out of range for platform time_t"))
            }
            Some(f) => Ok(f.floor() as libc::time_t),
            None => int_arg(vm, v),
        },
    }
}

/// Convert seconds with `gmtime_r` or `localtime_r`.
fn broken_down(vm: &Vm, secs: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: both functions fill `tm` and return null on failure.
    let ok = unsafe {
        if local {
            !libc::localtime_r(&secs, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&secs, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(tm)
}

/// `time.gmtime([secs])`.
pub fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = seconds_arg(vm, &args, "gmtime")?;
    let tm = broken_down(vm, secs, false)?;
    struct_time(vm, &tm)
}

/// `time.localtime([secs])`.
pub fn localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = seconds_arg(vm, &args, "localtime")?;
    let tm = broken_down(vm, secs, true)?;
    struct_time(vm, &tm)
}

/// A `struct tm` converted from Python, with the storage its `tm_zone` points into.
struct TmArg {
    tm: libc::tm,
    _zone: Option<CString>,
}

/// A `struct_time` or 9-tuple argument as a `struct tm` (`func` names the caller in
/// CPython's message); a `struct_time`'s zone name and offset come along.
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<TmArg> {
    let items = vm.collect_iterable(v)?;
    if !vm.is_instance(v, &vm.types().tuple.clone()) || items.len() < 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut n = [0i32; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = i32::try_from(int_arg(vm, item)?)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    }
    let mut tm = empty_tm();
    tm.tm_year = n[0] - 1900;
    tm.tm_mon = n[1] - 1;
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6] + 1) % 7;
    tm.tm_yday = n[7] - 1;
    tm.tm_isdst = n[8];
    let mut zone = None;
    if let Some(d) = v.as_obj().and_then(|o| o.dict_obj()) {
        if let Some(Value::Int(off)) = dict::get_str(&d, "tm_gmtoff") {
            tm.tm_gmtoff = off;
        }
        if let Some(name) = dict::get_str(&d, "tm_zone").and_then(|z| {
            z.as_obj()
                .and_then(|o| o.as_str().map(|s| s.as_str().to_string()))
        }) {
            zone = CString::new(name).ok();
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok(TmArg { tm, _zone: zone })
}

/// The time tuple argument of `strftime`/`asctime`: now (local) when absent.
fn tm_or_now(vm: &mut Vm, v: Option<&Value>, func: &str) -> PyResult<TmArg> {
    match v {
        Some(v) => tm_arg(vm, v, func),
        None => {
            // SAFETY: time(NULL) has no memory effects.
            let now = unsafe { libc::time(std::ptr::null_mut()) };
            let tm = broken_down(vm, now, true)?;
            Ok(TmArg { tm, _zone: None })
        }
    }
}

/// `time.mktime(t)`.
pub fn mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [t] = positional(vm, &args, "mktime", 1, 1)? else {
        return Err(vm.type_error("mktime expected 1 argument"));
    };
    let mut tm = tm_arg(vm, t, "mktime")?.tm;
    tm.tm_wday = -1;
    // SAFETY: mktime normalises the struct in place.
    let secs = unsafe { libc::mktime(&mut tm) };
    if secs == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(secs as f64))
}

/// `time.strftime(format[, t])`.
pub fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "strftime", 1, 2)?;
    let format = match pos
        .first()
        .and_then(|v| v.as_obj())
        .and_then(|o| o.as_str())
    {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(vm.type_error(format!(
                "strftime() argument 1 must be str, not {}",
                vm.type_name(&pos[0])
            )))
        }
    };
    let arg = tm_or_now(vm, pos.get(1), "strftime")?;
    Ok(vm.new_str(&format_tm(vm, &format, &arg.tm)?))
}

/// `strftime(3)` on `format`, growing the buffer until the result fits.
fn format_tm(vm: &Vm, format: &str, tm: &libc::tm) -> PyResult<String> {
    let Ok(c_format) = CString::new(format) else {
        return Err(vm.value_error("embedded null character"));
    };
    if format.is_empty() {
        return Ok(String::new());
    }
    let mut size = 256.max(format.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: the buffer holds `size` bytes; strftime writes at most that many.
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, c_format.as_ptr(), tm) };
        if n > 0 || size > format.len() * 256 {
            buf.truncate(n);
            return Ok(String::from_utf8_lossy(&buf).into_owned());
        }
        size *= 4;
    }
}

/// `Thu Jan  1 00:00:00 1970`.
fn asctime_text(tm: &libc::tm) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = DAYS
        .get(tm.tm_wday.rem_euclid(7) as usize)
        .unwrap_or(&"???");
    let month = MONTHS
        .get(tm.tm_mon.rem_euclid(12) as usize)
        .unwrap_or(&"???");
    format!(
        "{day} {month} {:2} {:02}:{:02}:{:02} {}",
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        i64::from(tm.tm_year) + 1900
    )
}

/// `time.asctime([t])`.
pub fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let pos = positional(vm, &args, "asctime", 0, 1)?;
    let arg = tm_or_now(vm, pos.first(), "asctime")?;
    Ok(vm.new_str(&asctime_text(&arg.tm)))
}

/// `time.ctime([secs])`.
pub fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = seconds_arg(vm, &args, "ctime")?;
    let tm = broken_down(vm, secs, true)?;
    Ok(vm.new_str(&asctime_text(&tm)))
}

/// `timezone`, `altzone`, `daylight`, `tzname` from January and July of this year.
pub fn zone_values(vm: &Vm) -> PyResult<Vec<(&'static str, Value)>> {
    // SAFETY: tzset and time(NULL) have no memory effects on Rust state.
    let now = unsafe {
        c_tzset();
        libc::time(std::ptr::null_mut())
    };
    let year_start = now - now.rem_euclid(365 * 24 * 3600);
    let january = broken_down(vm, year_start, true)?;
    let july = broken_down(vm, year_start + 183 * 24 * 3600, true)?;
    let (jan_off, jul_off) = (-january.tm_gmtoff, -july.tm_gmtoff);
    let jan_name = crate::posix::c_string_lossy(january.tm_zone);
    let jul_name = crate::posix::c_string_lossy(july.tm_zone);
    let (timezone, altzone, names) = if jan_off < jul_off {
        // Southern hemisphere: January is the daylight-saving month.
        (jul_off, jan_off, (jul_name, jan_name))
    } else {
        (jan_off, jul_off, (jan_name, jul_name))
    };
    let tzname = vm.new_tuple(vec![vm.new_str(&names.0), vm.new_str(&names.1)]);
    Ok(vec![
        ("timezone", Value::Int(timezone)),
        ("altzone", Value::Int(altzone)),
        ("daylight", Value::Int(i64::from(jan_off != jul_off))),
        ("tzname", tzname),
    ])
}

/// `time.tzset()`: re-read `TZ` and update the module's zone values.
pub fn tzset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    positional(vm, &args, "tzset", 0, 0)?;
    let values = zone_values(vm)?;
    let module = vm.import_module("time")?;
    for (name, value) in values {
        let key = vm.intern(name);
        vm.set_attr(&module, &key, value)?;
    }
    Ok(Value::None)
}
