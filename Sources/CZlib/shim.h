// The system zlib (raw deflate for ZIP entries, CRC-32), for the DOCX loader's ZIP reader.
#include <zlib.h>
