#include "MarkdownArena.h"

#include <cmark-gfm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Each allocation is preceded by a header holding its size, which realloc needs; sizes are
// rounded up to ALIGNMENT so that every allocation is aligned for any C type.
#define ALIGNMENT 16
#define HEADER ALIGNMENT
// A new block holds at least this much; larger requests get a block of their own.
#define BLOCK_SIZE ((size_t)256 * 1024)
// What a reset keeps for the next document; blocks beyond it are given back.
#define KEPT_AFTER_RESET ((size_t)4 * 1024 * 1024)

struct block {
    struct block *next;
    size_t size;
    size_t used;
    _Alignas(ALIGNMENT) unsigned char data[];
};

struct arena {
    struct block *first;
    struct block *current;
};

static _Thread_local struct arena arena;

// Gives a thread's blocks back when the thread ends (the preview server renders on new threads).
static pthread_key_t thread_end;
static pthread_once_t thread_end_once = PTHREAD_ONCE_INIT;

static void free_blocks(void *ending) {
    struct arena *owner = ending;
    while (owner->first) {
        struct block *next = owner->first->next;
        free(owner->first);
        owner->first = next;
    }
    owner->current = NULL;
}

static void make_thread_end_key(void) {
    pthread_key_create(&thread_end, free_blocks);
}

static size_t rounded(size_t size) {
    return (size + (ALIGNMENT - 1)) & ~(size_t)(ALIGNMENT - 1);
}

static void *out_of_memory(void) {
    // cmark-gfm's own allocator also aborts: none of its callers handle NULL.
    fprintf(stderr, "[routemap] out of memory while rendering Markdown\n");
    abort();
}

static void *take(struct block *block, size_t size) {
    unsigned char *start = block->data + block->used;
    *(size_t *)start = size;
    block->used += HEADER + size;
    return start + HEADER;
}

/// `size` (already rounded) from the current block, the blocks kept after it, or a new block.
static void *allocate(size_t size) {
    size_t needed = HEADER + size;
    struct block *block = arena.current;
    while (block && block->size - block->used < needed) {
        block = block->next;
        if (block) block->used = 0;
    }
    if (!block) {
        size_t capacity = needed > BLOCK_SIZE ? needed : BLOCK_SIZE;
        block = malloc(sizeof(struct block) + capacity);
        if (!block) return out_of_memory();
        block->size = capacity;
        block->used = 0;
        block->next = NULL;
        if (arena.current) {
            // Kept blocks too small for this request stay after the new one, for later requests.
            block->next = arena.current->next;
            arena.current->next = block;
        } else {
            arena.first = block;
            pthread_once(&thread_end_once, make_thread_end_key);
            pthread_setspecific(thread_end, &arena);
        }
    }
    arena.current = block;
    return take(block, size);
}

static size_t size_of(void *pointer) {
    return *(size_t *)((unsigned char *)pointer - HEADER);
}

/// Whether `pointer` is the current block's latest allocation, which can grow or shrink in place.
static int is_latest(void *pointer) {
    struct block *block = arena.current;
    return block && (unsigned char *)pointer + size_of(pointer) == block->data + block->used;
}

void *markdown_arena_calloc(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) return out_of_memory();
    size_t total = rounded(count * size);
    void *pointer = allocate(total);
    memset(pointer, 0, total);
    return pointer;
}

void *markdown_arena_realloc(void *pointer, size_t size) {
    size = rounded(size);
    if (!pointer) return allocate(size);
    size_t old = size_of(pointer);
    if (size <= old) return pointer;
    if (is_latest(pointer) && arena.current->size - arena.current->used >= size - old) {
        arena.current->used += size - old;
        *(size_t *)((unsigned char *)pointer - HEADER) = size;
        return pointer;
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, old);
    return moved;
}

void markdown_arena_free(void *pointer) {
    // Memory is given back by the reset; only the latest allocation is taken back now, so that
    // cmark-gfm's short-lived allocations (delimiters, brackets) reuse the same bytes.
    if (pointer && is_latest(pointer)) arena.current->used -= HEADER + size_of(pointer);
}

void markdown_arena_reset(void) {
    size_t kept = 0;
    struct block **link = &arena.first;
    while (*link) {
        struct block *block = *link;
        if (kept + block->size <= KEPT_AFTER_RESET) {
            kept += block->size;
            block->used = 0;
            link = &block->next;
        } else {
            *link = block->next;
            free(block);
        }
    }
    arena.current = arena.first;
}

size_t markdown_arena_reserved(void) {
    size_t reserved = 0;
    for (struct block *block = arena.first; block; block = block->next) reserved += block->size;
    return reserved;
}

// Read-only after compilation, so any thread may hand it to cmark-gfm.
static cmark_mem allocator = {markdown_arena_calloc, markdown_arena_realloc, markdown_arena_free};

void *markdown_arena_allocator(void) {
    return &allocator;
}
