//! WebAssembly memory grown in large steps, never a little at a time.
//!
//! The allocator (the standard library's dlmalloc) grows the module's memory by what each
//! allocation lacks, and V8 answers every growth with a full garbage collection of the JS
//! heap. Memory that grows a few hundred kilobytes at a time so costs a collection every
//! few milliseconds: 49 of them, 0.3 s of pauses, in a 10,000-note warm start in a fresh
//! module, and a save that grows the memory took 3–10× its usual time. Here every growth is
//! followed at once by a step of a sixteenth of the memory (at least 4 MB) that the allocator
//! keeps free for what comes next, and a caller that knows what it is about to allocate makes
//! room for all of it in one step ([`make_room`]). The memory never shrinks either way; the
//! steps add at most a sixteenth to it.

/// Makes room in the memory, in one step, for `bytes` about to be allocated: taken from the
/// allocator and handed back to it at once, so that it hands that room out again. Where it
/// cannot be had, nothing happens (the memory grows as before). Nothing natively, where
/// memory is mapped as it is used.
pub fn make_room(bytes: usize) {
    #[cfg(target_arch = "wasm32")]
    wasm::reserve(bytes);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = bytes;
}

/// Makes sure a step of room is free (a sixteenth of the memory, at least 4 MB), growing the
/// memory now if it must: before work that must not wait for a garbage collection (a note's
/// saves, once it is opened). Nothing natively.
pub fn keep_room() {
    #[cfg(target_arch = "wasm32")]
    wasm::reserve(wasm::step());
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use core::arch::wasm32::memory_size;
    use std::alloc::{GlobalAlloc, Layout, System};

    /// The size of a WebAssembly memory page.
    const PAGE: usize = 64 * 1024;
    /// The smallest step the memory grows by.
    const MIN_STEP: usize = 4 << 20;

    /// The standard allocator, followed by a step of room whenever it grew the memory.
    struct GrowInSteps;

    #[global_allocator]
    static ALLOCATOR: GrowInSteps = GrowInSteps;

    // SAFETY: every call is passed on to `System` unchanged; `after` only allocates and
    // frees a block of its own, through `System` (never through this allocator).
    unsafe impl GlobalAlloc for GrowInSteps {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let pages = memory_size(0);
            // SAFETY: the caller's contract, passed on.
            let ptr = unsafe { System.alloc(layout) };
            after(pages);
            ptr
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            let pages = memory_size(0);
            // SAFETY: the caller's contract, passed on.
            let ptr = unsafe { System.alloc_zeroed(layout) };
            after(pages);
            ptr
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: the caller's contract, passed on.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let pages = memory_size(0);
            // SAFETY: the caller's contract, passed on.
            let ptr = unsafe { System.realloc(ptr, layout, new_size) };
            after(pages);
            ptr
        }
    }

    /// When the memory has grown since it had `pages` pages: a step more, kept free.
    fn after(pages: usize) {
        if memory_size(0) != pages {
            reserve(step());
        }
    }

    /// The room kept free past what is allocated: a sixteenth of the memory, at least 4 MB.
    pub(super) fn step() -> usize {
        // Pages first: 4 GB of memory in bytes does not fit a 32-bit number.
        (memory_size(0) / 16).saturating_mul(PAGE).max(MIN_STEP)
    }

    /// `bytes` taken from the allocator in one block and handed back: the memory holds them
    /// free (the allocator merges a freed block at its end into the room it grows into).
    pub(super) fn reserve(bytes: usize) {
        let Ok(layout) = Layout::from_size_align(bytes, 1) else {
            return;
        };
        if bytes == 0 {
            return;
        }
        // SAFETY: a non-zero size; the block is freed with the layout it was allocated with.
        unsafe {
            let block = System.alloc(layout);
            if !block.is_null() {
                System.dealloc(block, layout);
            }
        }
    }
}
