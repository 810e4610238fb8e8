#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlsave.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

/* xmlFree is a mutable global function pointer, which Swift 6 refuses to read from
   concurrent code; this wrapper reads it on the C side. */
static inline void tongwen_xmlFree(void *pointer) { xmlFree(pointer); }
