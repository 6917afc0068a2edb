//! The process's memory allocator: per-thread free lists for small blocks (CPython's
//! `pymalloc` idea), the system allocator for the rest.
//!
//! An interpreter allocates and frees small blocks all the time (objects, strings,
//! argument vectors, dict tables); glibc's `malloc`/`free` cost a fifth to a quarter of
//! the instructions of string, float-formatting and parsing programs. Here a small
//! block comes from a free list of its size class (a pop), or is carved from the
//! current chunk (a bump); freeing pushes it back. Rust passes the size to `dealloc`,
//! so blocks need no header.
//!
//! Memory of small blocks is never given back to the system: it is kept for reuse by
//! the same size class, as pymalloc keeps its pools. A block freed by another thread
//! goes to that thread's lists, which is still correct: the lists only hold memory.
//!
//! A thread holding an interpreter's GIL uses that interpreter's pools instead of its
//! own ([`SharedPools`], installed and removed by the GIL as it is taken and let go):
//! like pymalloc under the GIL, objects made by one Python thread and freed by
//! another recycle their memory, and a thread that ends leaves no lists behind
//! (per-thread lists of finished threads, and of consumers fed by producers, would
//! keep growing).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::{Cell, UnsafeCell};
use std::ptr;

/// Blocks are multiples of this, and aligned to it.
const GRANULE: usize = 16;
/// The largest block served from the free lists.
const SMALL_MAX: usize = 512;
const CLASSES: usize = SMALL_MAX / GRANULE;
/// Memory is taken from the system in chunks this big, then carved into blocks.
const CHUNK: usize = 256 * 1024;

/// One thread's free lists and the unused rest of its current chunk.
struct Pools {
    /// Head of each size class's list; a free block's first word links to the next.
    free: [*mut u8; CLASSES],
    bump: *mut u8,
    bump_end: *mut u8,
}

thread_local! {
    // `const`-initialised and without a destructor: reading it never allocates or
    // registers anything, as an allocator requires.
    static POOLS: UnsafeCell<Pools> = const {
        UnsafeCell::new(Pools {
            free: [ptr::null_mut(); CLASSES],
            bump: ptr::null_mut(),
            bump_end: ptr::null_mut(),
        })
    };
}

// `POOLS` must stay destructor-free: then `with` works during and after thread-local
// teardown (a destructor run at thread exit may allocate), and never registers anything.
const _: () = assert!(!std::mem::needs_drop::<UnsafeCell<Pools>>());

/// The allocator `adder` uses (see the module comment).
pub struct PoolAlloc;

#[global_allocator]
static GLOBAL: PoolAlloc = PoolAlloc;

/// The size class of a layout the pools serve, or `None` for the system allocator.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    if size <= SMALL_MAX && layout.align() <= GRANULE {
        Some(size.saturating_sub(1) / GRANULE)
    } else {
        None
    }
}

impl Pools {
    /// A block of `class`: the head of its free list, else a new one from the chunk.
    #[inline(always)]
    unsafe fn take(&mut self, class: usize) -> *mut u8 {
        let head = self.free[class];
        if !head.is_null() {
            // SAFETY (caller and lists): a listed block is free, at least a word big,
            // aligned, and its first word holds the next block's address.
            let next = unsafe { head.cast::<*mut u8>().read() };
            self.free[class] = next;
            prefetch(next);
            return head;
        }
        unsafe { self.carve(class) }
    }

    /// A never-used block from the current chunk, taking a new chunk when it is spent.
    #[cold]
    unsafe fn carve(&mut self, class: usize) -> *mut u8 {
        let size = (class + 1) * GRANULE;
        let room = self.bump_end as usize - self.bump as usize;
        if room < size {
            // SAFETY: a valid non-zero layout; the rest of the old chunk (less than
            // one block) is abandoned.
            let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRANULE)) };
            if chunk.is_null() {
                return chunk;
            }
            self.bump = chunk;
            // SAFETY: one past the end of the chunk just allocated.
            self.bump_end = unsafe { chunk.add(CHUNK) };
        }
        let block = self.bump;
        // SAFETY: `size` bytes fit between `bump` and `bump_end` (checked above).
        self.bump = unsafe { block.add(size) };
        block
    }

    /// Put `block` (of `class`) on its free list.
    #[inline(always)]
    unsafe fn give(&mut self, block: *mut u8, class: usize) {
        // SAFETY (caller): `block` is a free block of `class`, at least a word big.
        unsafe { block.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = block;
    }
}

/// Start loading the block the next allocation of a class will hand out.
///
/// Blocks come back in the reverse order they were freed: after a large structure
/// dies (an `_ast` tree, a list of objects), its blocks are reused long after their
/// last touch, and reading each one's link to the next was a cache miss per allocation
/// (measured: nine tenths of the allocator's time in `ast.parse`). Fetching the next
/// block while the caller fills this one hides that wait.
#[inline(always)]
fn prefetch(block: *mut u8) {
    prefetch_line(block.cast_const());
}

/// Start loading the `size` bytes from `start` into the cache (up to 192 of them: the
/// blocks that matter are objects), so that the coming reads there do not wait for
/// memory: an object about to die (see `object.rs`).
#[inline(always)]
pub(crate) fn prefetch_lines(start: *const u8, size: usize) {
    let line = |offset: usize| prefetch_line(start.wrapping_add(offset));
    line(0);
    if size > 64 {
        line(64);
        if size > 128 {
            line(128);
        }
    }
    line(size.saturating_sub(1));
}

/// Start loading the cache line of `address`.
#[inline(always)]
fn prefetch_line(address: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults, whatever the address (null
    // included), and changes no memory. SSE is part of x86-64.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

/// An interpreter's pools, used by whichever thread holds its GIL.
pub struct SharedPools(UnsafeCell<Pools>);

// SAFETY: only the thread holding the owning interpreter's GIL uses them (the GIL
// installs them in that thread with `use_shared_pools` and removes them before it is
// let go), so no two threads touch them at the same time.
unsafe impl Sync for SharedPools {}

impl SharedPools {
    /// Empty pools, never freed: a thread may still point at them while it ends.
    pub fn leak_new() -> &'static SharedPools {
        Box::leak(Box::new(SharedPools(UnsafeCell::new(Pools {
            free: [ptr::null_mut(); CLASSES],
            bump: ptr::null_mut(),
            bump_end: ptr::null_mut(),
        }))))
    }
}

thread_local! {
    /// The pools of the GIL this thread holds, if any (null: its own `POOLS`).
    static SHARED: Cell<*const SharedPools> = const { Cell::new(ptr::null()) };
}

/// Make `pools` (or, with `None`, this thread's own) the calling thread's pools: the
/// GIL calls this right after it is taken and right before it is let go.
pub fn use_shared_pools(pools: Option<&'static SharedPools>) {
    let p = pools.map_or(ptr::null(), |p| p as *const SharedPools);
    let _ = SHARED.try_with(|s| s.set(p));
}

/// Run `f` on this thread's pools.
#[inline(always)]
fn with_pools<R>(f: impl FnOnce(&mut Pools) -> R) -> R {
    let shared = SHARED.with(Cell::get);
    if !shared.is_null() {
        // SAFETY: installed by the GIL this thread holds (see `SharedPools`), and `f`
        // never re-enters the allocator: the only reference while it runs.
        return f(unsafe { &mut *(*shared).0.get() });
    }
    // SAFETY: the pools are this thread's alone, and `f` (the pool operations above)
    // never re-enters the allocator, so this is the only reference while it runs.
    POOLS.with(|p| f(unsafe { &mut *p.get() }))
}

// SAFETY: small blocks are distinct GRANULE-aligned pieces of system chunks, handed
// out once until freed; everything else is the system allocator's.
unsafe impl GlobalAlloc for PoolAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            Some(class) => with_pools(|p| unsafe { p.take(class) }),
            None => unsafe { System.alloc(layout) },
        }
    }

    #[inline]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match class_of(layout) {
            Some(class) => with_pools(|p| unsafe { p.give(block, class) }),
            None => unsafe { System.dealloc(block, layout) },
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            Some(_) => {
                let block = unsafe { self.alloc(layout) };
                if !block.is_null() {
                    unsafe { ptr::write_bytes(block, 0, layout.size()) };
                }
                block
            }
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    #[inline]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY (caller): `new_size` rounded up to the alignment does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            (None, None) => unsafe { System.realloc(block, layout, new_size) },
            (Some(old), Some(new)) if old == new => block,
            _ => {
                let moved = unsafe { self.alloc(new_layout) };
                if !moved.is_null() {
                    let keep = layout.size().min(new_size);
                    unsafe {
                        ptr::copy_nonoverlapping(block, moved, keep);
                        self.dealloc(block, layout);
                    }
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_blocks_are_reused_by_their_class() {
        let layout = Layout::from_size_align(40, 8).unwrap_or(Layout::new::<u8>());
        // SAFETY: a valid layout; the block is freed with the same layout.
        unsafe {
            let a = GLOBAL.alloc(layout);
            assert!(!a.is_null());
            GLOBAL.dealloc(a, layout);
            let b = GLOBAL.alloc(layout);
            assert_eq!(a, b);
            GLOBAL.dealloc(b, layout);
        }
    }

    /// Every size class, and sizes past the pools, at every alignment up to a page.
    #[test]
    fn blocks_are_aligned_for_every_class_and_alignment() {
        let mut live = Vec::new();
        for size in 1..=SMALL_MAX + 64 {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let Ok(layout) = Layout::from_size_align(size, align) else {
                    continue;
                };
                // SAFETY: a valid non-zero layout; freed below with the same layout.
                let block = unsafe { GLOBAL.alloc(layout) };
                assert!(!block.is_null());
                assert_eq!(block as usize % align, 0, "size {size} align {align}");
                // SAFETY: the block is `size` bytes.
                unsafe { ptr::write_bytes(block, 0xA5, size) };
                live.push((block, layout));
            }
        }
        for (block, layout) in live {
            // SAFETY: allocated above with this layout.
            unsafe { GLOBAL.dealloc(block, layout) };
        }
    }

    /// Growing and shrinking across classes, into and out of the system allocator, at
    /// small and large alignments, keeps the contents and the alignment.
    #[test]
    fn realloc_between_classes_keeps_contents_and_alignment() {
        for align in [1, 8, 16, 32, 256] {
            let sizes = [1, 15, 16, 17, 100, 512, 513, 4000, 300, 24, 3];
            let Ok(mut layout) = Layout::from_size_align(sizes[0], align) else {
                continue;
            };
            // SAFETY: valid layouts; each realloc's result is used with the new layout.
            unsafe {
                let mut block = GLOBAL.alloc_zeroed(layout);
                assert!(!block.is_null());
                block.write(7);
                let old = layout.size();
                for i in 1..old {
                    block.add(i).write(i as u8);
                }
                for &size in &sizes[1..] {
                    let old = layout.size();
                    block = GLOBAL.realloc(block, layout, size);
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0);
                    assert_eq!(block.read(), 7);
                    for i in 1..size.min(old) {
                        assert_eq!(block.add(i).read(), i as u8);
                    }
                    layout = Layout::from_size_align_unchecked(size, align);
                    for i in 1..size {
                        block.add(i).write(i as u8);
                    }
                }
                GLOBAL.dealloc(block, layout);
            }
        }
    }

    #[test]
    fn zeroed_blocks_are_zero_even_when_reused() {
        let layout = Layout::from_size_align(200, 16).unwrap_or(Layout::new::<u8>());
        // SAFETY: a valid layout; blocks freed with it.
        unsafe {
            let dirty = GLOBAL.alloc(layout);
            ptr::write_bytes(dirty, 0xFF, layout.size());
            GLOBAL.dealloc(dirty, layout);
            let clean = GLOBAL.alloc_zeroed(layout);
            assert!((0..layout.size()).all(|i| clean.add(i).read() == 0));
            GLOBAL.dealloc(clean, layout);
        }
    }

    /// Blocks allocated on one thread and freed on another (as a value moved out of a
    /// joined thread is) join the freeing thread's lists and stay intact until then.
    #[test]
    fn blocks_freed_on_another_thread_stay_usable() {
        let (send, receive) = std::sync::mpsc::channel::<Vec<Box<[u8; 48]>>>();
        let producers: Vec<_> = (0..4u8)
            .map(|t| {
                let send = send.clone();
                std::thread::spawn(move || {
                    for round in 0..50u8 {
                        let batch = (0..64).map(|_| Box::new([t ^ round; 48])).collect();
                        if send.send(batch).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        drop(send);
        let mut reused = Vec::new();
        for batch in receive {
            for b in &batch {
                let first = b[0];
                assert!(b.iter().all(|&x| x == first));
            }
            drop(batch);
            // Blocks just freed here are handed out again here.
            reused.push(Box::new([0xEEu8; 48]));
        }
        for p in producers {
            assert!(p.join().is_ok());
        }
        assert!(reused.iter().all(|b| b.iter().all(|&x| x == 0xEE)));
    }

    /// A thread-local destructor that runs after others at thread exit may still
    /// allocate and free.
    #[test]
    fn allocation_in_thread_local_destructors_at_exit() {
        struct AllocatesOnDrop(Vec<String>);
        impl Drop for AllocatesOnDrop {
            fn drop(&mut self) {
                let grown: Vec<String> = self.0.iter().map(|s| s.repeat(3)).collect();
                assert_eq!(grown.len(), self.0.len());
                self.0.push("late".to_string());
            }
        }
        thread_local! {
            static FIRST: AllocatesOnDrop = AllocatesOnDrop(vec!["a".into(); 10]);
            static SECOND: AllocatesOnDrop = AllocatesOnDrop(vec!["b".into(); 10]);
        }
        let worker = std::thread::spawn(|| {
            FIRST.with(|f| assert_eq!(f.0.len(), 10));
            SECOND.with(|s| assert_eq!(s.0.len(), 10));
            Box::new(5u64)
        });
        let boxed = worker.join().ok();
        assert_eq!(boxed.as_deref(), Some(&5));
    }

    #[test]
    fn realloc_keeps_contents_across_classes() {
        let mut v: Vec<u64> = (0..3).collect();
        for i in 3..200 {
            v.push(i);
        }
        assert!(v.iter().copied().eq(0..200));
        v.truncate(5);
        v.shrink_to_fit();
        assert_eq!(v, [0, 1, 2, 3, 4]);
    }
}
