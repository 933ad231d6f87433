// The shipped themes, compiled in so that the reader always has a theme even when no
// Themes/ folder is found or a file there is broken. Kept equal to Themes/*.toml (a test checks).

enum BuiltinThemes {
    static let sources: [String: String] = [
        "default": #"""
# frusread default theme: for dark terminals; the terminal's own background is kept.
# Scopes fall back along the dots ("link.selected" → "link" → "text").
# Colours: names (red, bright-red, default), 0–255, "#rrggbb", or names from [palette].
# Attributes: bold, dim, italic, underline, reverse.

"text" = "default"
"title" = { fg = "bright-white", modifiers = ["bold"] }
"heading" = { modifiers = ["bold"] }
"subject" = { fg = "yellow", modifiers = ["bold"] }
"dateline" = { modifiers = ["italic"] }
"salutation" = "default"
"closer" = { modifiers = ["italic"] }
"marker" = { fg = "yellow", modifiers = ["bold"] }
"marker.selected" = { fg = "black", bg = "yellow", modifiers = ["bold"] }
"link" = { fg = "cyan", modifiers = ["underline"] }
"link.selected" = { fg = "black", bg = "cyan", modifiers = ["bold"] }
"link.unresolved" = { fg = "red", modifiers = ["underline"] }
"link.unresolved.selected" = { fg = "black", bg = "red", modifiers = ["bold"] }
"mention" = "default"
"page" = { fg = "grey", modifiers = ["dim"] }
"attachment" = { fg = "magenta", modifiers = ["bold"] }
"editorial" = { fg = "grey", modifiers = ["italic"] }
"quote" = { modifiers = ["italic"] }
"table.border" = "grey"
"footnote.number" = { fg = "yellow", modifiers = ["bold"] }
"footnote.current" = { bg = "shade" }
"border" = "grey"
"border.focused" = { fg = "cyan", modifiers = ["bold"] }
"pane.title" = { modifiers = ["bold"] }
"navigator.site" = "grey"
"navigator.header" = { modifiers = ["bold"] }
"status" = { fg = "white", bg = "shade" }
"status.key" = { fg = "yellow", bg = "shade", modifiers = ["bold"] }
"message" = { fg = "bright-green", bg = "shade" }
"message.error" = { fg = "bright-red", bg = "shade", modifiers = ["bold"] }
"search.match" = { fg = "black", bg = "yellow" }
"overlay" = { fg = "white", bg = "panel" }
"overlay.title" = { fg = "bright-white", bg = "panel", modifiers = ["bold"] }
"overlay.heading" = { fg = "yellow", bg = "panel", modifiers = ["bold"] }
"overlay.selected" = { fg = "black", bg = "cyan" }
"cursor" = { modifiers = ["reverse"] }

[palette]
shade = 236
panel = 235
"""#,
        "light": #"""
# frusread light theme: for light terminals; the terminal's own background is kept.

"text" = "default"
"title" = { fg = "black", modifiers = ["bold"] }
"heading" = { modifiers = ["bold"] }
"subject" = { fg = "brown", modifiers = ["bold"] }
"dateline" = { modifiers = ["italic"] }
"salutation" = "default"
"closer" = { modifiers = ["italic"] }
"marker" = { fg = "brown", modifiers = ["bold"] }
"marker.selected" = { fg = "white", bg = "brown", modifiers = ["bold"] }
"link" = { fg = "navy", modifiers = ["underline"] }
"link.selected" = { fg = "white", bg = "navy", modifiers = ["bold"] }
"link.unresolved" = { fg = "red", modifiers = ["underline"] }
"link.unresolved.selected" = { fg = "white", bg = "red", modifiers = ["bold"] }
"mention" = "default"
"page" = "muted"
"attachment" = { fg = "magenta", modifiers = ["bold"] }
"editorial" = { fg = "muted", modifiers = ["italic"] }
"quote" = { modifiers = ["italic"] }
"table.border" = "muted"
"footnote.number" = { fg = "brown", modifiers = ["bold"] }
"footnote.current" = { bg = "shade" }
"border" = "muted"
"border.focused" = { fg = "navy", modifiers = ["bold"] }
"pane.title" = { modifiers = ["bold"] }
"navigator.site" = "muted"
"navigator.header" = { modifiers = ["bold"] }
"status" = { fg = "black", bg = "shade" }
"status.key" = { fg = "navy", bg = "shade", modifiers = ["bold"] }
"message" = { fg = "green", bg = "shade" }
"message.error" = { fg = "red", bg = "shade", modifiers = ["bold"] }
"search.match" = { fg = "black", bg = "#ffd75f" }
"overlay" = { fg = "black", bg = "panel" }
"overlay.title" = { fg = "black", bg = "panel", modifiers = ["bold"] }
"overlay.heading" = { fg = "brown", bg = "panel", modifiers = ["bold"] }
"overlay.selected" = { fg = "white", bg = "navy" }
"cursor" = { modifiers = ["reverse"] }

[palette]
brown = "#875f00"
navy = "#005fd7"
muted = 244
shade = 253
panel = 254
"""#,
        "mono": #"""
# frusread mono theme: attributes only, no colours (also used when NO_COLOR is set).

"text" = {}
"title" = { modifiers = ["bold"] }
"heading" = { modifiers = ["bold"] }
"subject" = { modifiers = ["bold"] }
"dateline" = { modifiers = ["italic"] }
"closer" = { modifiers = ["italic"] }
"marker" = { modifiers = ["bold"] }
"marker.selected" = { modifiers = ["bold", "reverse"] }
"link" = { modifiers = ["underline"] }
"link.selected" = { modifiers = ["underline", "reverse"] }
"link.unresolved" = { modifiers = ["dim", "underline"] }
"link.unresolved.selected" = { modifiers = ["reverse"] }
"page" = { modifiers = ["dim"] }
"attachment" = { modifiers = ["bold"] }
"editorial" = { modifiers = ["italic"] }
"quote" = { modifiers = ["italic"] }
"table.border" = { modifiers = ["dim"] }
"footnote.number" = { modifiers = ["bold"] }
"footnote.current" = { modifiers = ["bold"] }
"border" = { modifiers = ["dim"] }
"border.focused" = { modifiers = ["bold"] }
"pane.title" = { modifiers = ["bold"] }
"navigator.site" = { modifiers = ["dim"] }
"navigator.header" = { modifiers = ["bold"] }
"status" = { modifiers = ["reverse"] }
"status.key" = { modifiers = ["reverse", "bold"] }
"message" = { modifiers = ["reverse"] }
"message.error" = { modifiers = ["reverse", "bold"] }
"search.match" = { modifiers = ["reverse"] }
"overlay" = {}
"overlay.title" = { modifiers = ["bold"] }
"overlay.heading" = { modifiers = ["bold"] }
"overlay.selected" = { modifiers = ["reverse"] }
"cursor" = { modifiers = ["reverse"] }
"""#,
    ]
}
