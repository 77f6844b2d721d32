#ifndef MARKDOWN_ARENA_H
#define MARKDOWN_ARENA_H

#include <stddef.h>

/// An allocator for cmark-gfm (its `cmark_mem` functions) that hands out memory from the calling
/// thread's arena: one document is parsed, walked and rendered on one thread, then the arena is
/// reset at once instead of cmark-gfm freeing its nodes, strings and buffers one by one.
void *markdown_arena_calloc(size_t count, size_t size);
void *markdown_arena_realloc(void *pointer, size_t size);
void markdown_arena_free(void *pointer);

/// cmark-gfm's allocator functions (a `cmark_mem`) that use the calling thread's arena: one table
/// for the process, never written, so any thread may use it. A `void *` so that this module's
/// users see cmark-gfm's types only through CCmarkGFM.
void *markdown_arena_allocator(void);

/// Forgets everything the calling thread's arena handed out, keeping a few blocks for the next
/// document. Nothing it handed out may be used afterwards.
void markdown_arena_reset(void);

/// Bytes the calling thread's arena holds, in use or kept for reuse (for tests).
size_t markdown_arena_reserved(void);

#endif
