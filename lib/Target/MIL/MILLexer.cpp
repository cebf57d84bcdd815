//===- MILLexer.cpp - Tokens of MIL text ----------------------------------===//

#include "MILLexer.h"

#include "llvm/ADT/StringExtras.h"

using namespace ane::mil;

static bool isIdentStart(char c) { return llvm::isAlpha(c) || c == '_'; }
static bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_'; }

Token Lexer::lex() {
  const char *end = buffer.end();
  while (true) {
    while (cur != end && llvm::isSpace(*cur))
      ++cur;
    if (cur == end)
      return Token{Token::eof, llvm::StringRef(cur, 0)};
    if (*cur == '#' || (*cur == '/' && cur + 1 != end && cur[1] == '/')) {
      while (cur != end && *cur != '\n')
        ++cur;
      continue;
    }
    break;
  }
  const char *start = cur;
  char c = *cur++;
  switch (c) {
  case '(':
    return make(Token::l_paren, start);
  case ')':
    return make(Token::r_paren, start);
  case '[':
    return make(Token::l_square, start);
  case ']':
    return make(Token::r_square, start);
  case '{':
    return make(Token::l_brace, start);
  case '}':
    return make(Token::r_brace, start);
  case '<':
    return make(Token::less, start);
  case '>':
    return make(Token::greater, start);
  case ',':
    return make(Token::comma, start);
  case '=':
    return make(Token::equal, start);
  case ';':
    return make(Token::semicolon, start);
  case '?':
    return make(Token::question, start);
  case '"':
    return lexString(start);
  case '-':
    if (cur != end && *cur == '>') {
      ++cur;
      return make(Token::arrow, start);
    }
    return lexNumber(start);
  case '+':
    return lexNumber(start);
  default:
    break;
  }
  if (llvm::isDigit(c) || c == '.')
    return lexNumber(start);
  if (isIdentStart(c)) {
    while (cur != end && isIdentChar(*cur))
      ++cur;
    return make(Token::identifier, start);
  }
  return make(Token::error, start);
}

Token Lexer::lexNumber(const char *start) {
  const char *end = buffer.end();
  cur = start;
  if (*cur == '-' || *cur == '+')
    ++cur;
  // After an optional sign: inf / nan, a hexadecimal float, or a decimal.
  if (cur != end && isIdentStart(*cur)) {
    const char *word = cur;
    while (cur != end && isIdentChar(*cur))
      ++cur;
    llvm::StringRef w(word, cur - word);
    return make(w == "inf" || w == "nan" ? Token::number : Token::error, start);
  }
  if (cur + 1 < end && cur[0] == '0' && (cur[1] == 'x' || cur[1] == 'X')) {
    cur += 2;
    while (cur != end && (llvm::isHexDigit(*cur) || *cur == '.'))
      ++cur;
    if (cur != end && (*cur == 'p' || *cur == 'P')) {
      ++cur;
      if (cur != end && (*cur == '+' || *cur == '-'))
        ++cur;
      while (cur != end && llvm::isDigit(*cur))
        ++cur;
    }
    return make(Token::number, start);
  }
  const char *digits = cur;
  while (cur != end && (llvm::isDigit(*cur) || *cur == '.'))
    ++cur;
  if (cur == digits)
    return make(Token::error, start);
  if (cur != end && (*cur == 'e' || *cur == 'E')) {
    const char *save = cur++;
    if (cur != end && (*cur == '+' || *cur == '-'))
      ++cur;
    if (cur == end || !llvm::isDigit(*cur)) {
      cur = save;
      return make(Token::number, start);
    }
    while (cur != end && llvm::isDigit(*cur))
      ++cur;
  }
  return make(Token::number, start);
}

Token Lexer::lexString(const char *start) {
  const char *end = buffer.end();
  while (cur != end && *cur != '"') {
    if (*cur == '\\' && cur + 1 != end)
      ++cur;
    if (*cur == '\n')
      return make(Token::error, start);
    ++cur;
  }
  if (cur == end)
    return make(Token::error, start);
  ++cur;
  return make(Token::string, start);
}
