//! The memory examples' global allocator: the system's, counting the heap bytes live and
//! their peak. Shared by `memory_figures` and curator-wasm's `memory_steps` through
//! `#[path]`; a folder of `examples/` without a `main.rs` is not an example of its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counters are atomics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block moved holds both copies for a moment, as WebAssembly's dlmalloc does.
        let live = LIVE.fetch_add(new_size, Relaxed) + new_size;
        PEAK.fetch_max(live, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

// Not in WebAssembly, where curator-wasm installs its own allocator (`memory_growth.rs`) and
// nothing runs these examples (`npm run test:wasm` only builds them).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The heap bytes live now.
pub fn live() -> usize {
    LIVE.load(Relaxed)
}

/// The most heap bytes live at once since the start or the last [`reset_peak`].
pub fn peak() -> usize {
    PEAK.load(Relaxed)
}

/// Starts counting the peak again from the bytes live now.
// `memory_steps` takes each step's peak; `memory_figures` one peak over the whole run.
#[allow(dead_code)]
pub fn reset_peak() {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
}
