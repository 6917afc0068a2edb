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

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
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
            self.free[class] = unsafe { head.cast::<*mut u8>().read() };
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

/// Run `f` on this thread's pools.
#[inline(always)]
fn with_pools<R>(f: impl FnOnce(&mut Pools) -> R) -> R {
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
