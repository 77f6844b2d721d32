import CCmarkGFM
import Foundation

// cmark-gfm 0.29 keeps the characters that start an extension's inline syntax (':' and 'w' for
// autolinks, '~' for strikethrough) in one process-wide table. Every parse adds its extensions'
// characters at the start of inline parsing and removes them at the end, so two documents parsed
// at once on different threads switch each other's autolinks and strikethrough off at random.
//
// All our parsers attach the same extensions, so the table can be filled once and left alone:
// this definition takes the place of the library's (it calls it through the PLT, so the
// executable's symbol wins) and does nothing; `pinExtensionCharacters` fills the table once with
// the library's own function. MarkdownRendererTests.parallelRenderingIsDeterministic guards this.
//
// The executable's symbol wins only if the executable exports it: a release build keeps symbols to
// itself unless told otherwise, which Package.swift's linker setting does. Should a binary still not
// export it, `extensionCharactersPinned` is false and parses take turns instead.
@_cdecl("cmark_manage_extensions_special_characters")
public func keepExtensionCharacters(_ parser: OpaquePointer?, _ add: Int32) {}

/// True when cmark-gfm calls `keepExtensionCharacters` instead of its own function, so that
/// documents can be parsed at the same time.
public let extensionCharactersPinned: Bool = {
    let ours: @convention(c) (OpaquePointer?, Int32) -> Void = keepExtensionCharacters
    // RTLD_DEFAULT: the definition the library's own calls resolve to.
    return dlsym(nil, "cmark_manage_extensions_special_characters") == unsafeBitCast(ours, to: UnsafeMutableRawPointer.self)
}()

/// Parses take turns through here when the characters could not be pinned.
let unpinnedParseLock = NSLock()

private typealias ManageSpecialCharacters = @convention(c) (OpaquePointer?, Int32) -> Void

/// Adds the characters of the parser's extensions to cmark-gfm's table, once, with the library's own function.
func pinExtensionCharacters(_ parser: OpaquePointer) {
    let next = UnsafeMutableRawPointer(bitPattern: -1) // RTLD_NEXT
    guard let symbol = dlsym(next, "cmark_manage_extensions_special_characters") else {
        fatalError("cmark-gfm's cmark_manage_extensions_special_characters was not found")
    }
    unsafeBitCast(symbol, to: ManageSpecialCharacters.self)(parser, 1)
}
