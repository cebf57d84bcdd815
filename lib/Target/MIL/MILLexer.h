//===- MILLexer.h - Tokens of MIL text --------------------------*- C++ -*-===//
//
// Splits `model.mil` text into tokens. Whitespace-insensitive; `#` and `//`
// start comments that run to the end of the line.
//
//===----------------------------------------------------------------------===//

#ifndef ANE_LIB_TARGET_MIL_MILLEXER_H
#define ANE_LIB_TARGET_MIL_MILLEXER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace ane::mil {

struct Token {
  enum Kind {
    eof,
    error,
    identifier, ///< [A-Za-z_][A-Za-z0-9_]*
    number,     ///< integer, decimal or hexadecimal float, -inf, nan
    string,     ///< "..." (spelling includes the quotes)
    l_paren,
    r_paren,
    l_square,
    r_square,
    l_brace,
    r_brace,
    less,
    greater,
    comma,
    equal,
    semicolon,
    arrow,    ///< ->
    question, ///< ?
  };
  Kind kind = eof;
  llvm::StringRef spelling;

  bool is(Kind k) const { return kind == k; }
  bool isIdent(llvm::StringRef name) const {
    return kind == identifier && spelling == name;
  }
  llvm::SMLoc loc() const {
    return llvm::SMLoc::getFromPointer(spelling.data());
  }
};

class Lexer {
public:
  explicit Lexer(llvm::StringRef buffer)
      : buffer(buffer), cur(buffer.begin()) {}

  Token lex();
  /// Current position (for raw text capture).
  const char *position() const { return cur; }
  void resetTo(const char *pos) { cur = pos; }

private:
  Token make(Token::Kind kind, const char *start) {
    return Token{kind, llvm::StringRef(start, cur - start)};
  }
  Token lexNumber(const char *start);
  Token lexString(const char *start);

  llvm::StringRef buffer;
  const char *cur;
};

} // namespace ane::mil

#endif // ANE_LIB_TARGET_MIL_MILLEXER_H
