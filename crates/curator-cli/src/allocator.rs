//! The process's allocator: mimalloc, asked for plain blocks where Rust's alignment is one
//! mimalloc gives every block anyway.
//!
//! The `mimalloc` crate's allocator asks for an aligned block on every allocation, whose path
//! through mimalloc is longer than a plain `mi_malloc`'s; checking a vault allocates millions
//! of small strings and vectors, all aligned to 16 bytes or less.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment of every mimalloc block (its smallest size class is one word).
const WORD: usize = std::mem::size_of::<usize>();
/// The alignment of every mimalloc block whose size is a multiple of it: past one word, its
/// size classes above eight words are multiples of 16 bytes (`MI_MAX_ALIGN_SIZE`).
const MAX_ALIGN: usize = 16;

/// mimalloc, with plain allocations where the layout allows (see the module's doc).
pub struct Allocator;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t`, mimalloc v3's
/// `include/mimalloc.h`; `libmimalloc-sys` names only some options).
const PURGE_DELAY: mi::mi_option_t = 15;

/// Keeps the memory the process frees for its own reuse rather than handing it back to the
/// system after 10 ms, mimalloc's default, unless `MIMALLOC_PURGE_DELAY` says otherwise. A run
/// of `curator` is short and frees as much as it allocates along the way: each block handed
/// back and taken again cost a page fault and the kernel zeroing a (huge) page, 0.06 s of
/// system time of a 2,000-note check and 0.3 s of a 10,000-note one. The peak grows a few MB.
pub fn keep_freed_memory() {
    // SAFETY: sets one of mimalloc's options, which it reads when it next purges.
    unsafe { mi::mi_option_set_default(PURGE_DELAY, -1) }
}

/// Asks Linux for the process's memory in 4 KB pages rather than transparent huge pages (what
/// `MIMALLOC_ALLOW_THP=0` does when set before the process starts). Where the system gives every
/// anonymous mapping huge pages, each first touch of 2 MB of the heap makes the kernel zero all
/// of it: a 10,000-note check touched about 470 huge pages (0.95 GB zeroed, 0.3–0.9 s of system
/// time) for a 360 MB peak. In small pages it zeroes only what is used: 0.2 s of system time, a
/// 317 MB peak and 3 % less wall time there; 109 → 67 MB at 2,000 notes. Elsewhere it does
/// nothing.
pub fn use_small_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets one flag of the calling process; it takes no pointers. An error (a kernel
    // without the option) leaves the process as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// True when a plain mimalloc block of `size` bytes is aligned to `align`: every block is
/// aligned to a word, and a block whose size is a multiple of 16 bytes to 16.
fn plain(size: usize, align: usize) -> bool {
    align <= WORD || (align == MAX_ALIGN && size % MAX_ALIGN == 0)
}

// SAFETY: every method forwards to mimalloc, which returns blocks of at least the size asked,
// aligned as the layout needs: the plain functions when `plain` holds (mimalloc's alignment
// guarantee), the aligned ones otherwise; blocks of either kind are freed by `mi_free`.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl's comment.
        unsafe {
            if plain(layout.size(), layout.align()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl's comment.
        unsafe {
            if plain(layout.size(), layout.align()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl's comment; the new layout has the old one's alignment.
        unsafe {
            if plain(new_size, layout.align()) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Allocates, grows and frees a block of `layout`, and a zeroed one, checking alignment.
    fn check(layout: Layout) {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: sizes are non-zero; every block is freed with the layout it has.
        unsafe {
            let p = Allocator.alloc(layout);
            assert_eq!(p as usize % align, 0, "size {size} align {align}");
            let grown = Layout::from_size_align(size * 3, align).unwrap();
            let q = Allocator.realloc(p, layout, grown.size());
            assert_eq!(q as usize % align, 0, "grown: size {size} align {align}");
            Allocator.dealloc(q, grown);
            let z = Allocator.alloc_zeroed(layout);
            assert_eq!(z as usize % align, 0, "zeroed: size {size} align {align}");
            assert!(std::slice::from_raw_parts(z, size).iter().all(|b| *b == 0));
            Allocator.dealloc(z, layout);
        }
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn the_process_asks_for_small_pages() {
        use_small_pages();
        // SAFETY: reads one flag of the calling process.
        let disabled = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(disabled, 1);
    }

    #[test]
    fn freed_memory_is_kept() {
        keep_freed_memory();
        // SAFETY: reads one of mimalloc's options.
        let delay = unsafe { mi::mi_option_get(PURGE_DELAY) };
        // The test's environment may set the option itself; mimalloc then keeps its value.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay, -1);
        }
    }

    #[test]
    fn blocks_are_aligned_as_asked() {
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 15, 16, 17, 24, 48, 100, 112, 5000] {
                check(Layout::from_size_align(size, align).unwrap());
            }
        }
        // Every multiple of 16 bytes through mimalloc's small size classes, and a stride of
        // the medium and large ones: a plain block of such a size must be 16-aligned.
        for size in (16..=8192)
            .step_by(16)
            .chain((8192..=1 << 21).step_by(4096 + 16))
        {
            check(Layout::from_size_align(size, 16).unwrap());
        }
    }
}
