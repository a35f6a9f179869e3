package dev.forkstate.config;

import dev.forkstate.error.UserError;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds a composed YAML node tree to a record, strictly, driven by the record's components: a component
 * {@code timeoutSeconds} is the key {@code timeout_seconds}; String, Integer, Double, Boolean, List of those or of
 * records, and nested records. An unknown key, a key given twice, or a value of another type is a {@link UserError}
 * naming the key's dotted path and its file:line:column; a number is never read as text nor text as a number.
 * Why not a data-binding library: building Jackson's YAML mapper and its record deserializers was the costliest CPU
 * of a short run, for a file of a few dozen lines.
 */
final class RecordBinder {
  private static final ClassValue<Schema> SCHEMAS = new ClassValue<>() {
    @Override
    protected Schema computeValue(Class<?> type) {
      return Schema.of(type);
    }
  };

  private final String fileName;

  RecordBinder(String fileName) {
    this.fileName = fileName;
  }

  /** The record that {@code node} (the document's root) describes; null for an empty (null) document. */
  <T> T bind(Node node, Class<T> type) {
    return type.cast(value(node, type, ""));
  }

  private Object value(Node node, Type type, String path) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (node instanceof ScalarNode s && YamlScalar.of(s).kind() == YamlScalar.Kind.NULL) {
      if (raw.isPrimitive()) {
        throw wrongType(path, raw, node);
      }
      return null;
    }
    if (raw.isRecord()) {
      if (!(node instanceof MappingNode m)) {
        throw wrongType(path, raw, node);
      }
      return record(m, SCHEMAS.get(raw), path);
    }
    if (raw == List.class) {
      if (!(node instanceof SequenceNode seq)) {
        throw wrongType(path, raw, node);
      }
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>(seq.getValue().size());
      for (Node item : seq.getValue()) {
        out.add(value(item, element, path + "[" + out.size() + "]"));
      }
      return out;
    }
    if (!(node instanceof ScalarNode s)) {
      throw wrongType(path, raw, node);
    }
    return scalar(YamlScalar.of(s), raw, path, node);
  }

  private Object scalar(YamlScalar v, Class<?> raw, String path, Node node) {
    if (raw == String.class && v.kind() == YamlScalar.Kind.TEXT) {
      return v.text();
    }
    if ((raw == Integer.class || raw == int.class) && v.kind() == YamlScalar.Kind.INT) {
      BigInteger n = v.whole();
      if (n.bitLength() > 31) {
        throw new UserError("config key '" + path + "' is out of range: " + v.text() + " is not between "
            + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE, where(node.getStartMark()),
            "use a number in that range");
      }
      return n.intValue();
    }
    if ((raw == Boolean.class || raw == boolean.class) && v.kind() == YamlScalar.Kind.BOOL) {
      return v.bool();
    }
    if ((raw == Double.class || raw == double.class) && !Double.isNaN(v.number())) {
      return v.number();
    }
    throw wrongType(path, raw, node);
  }

  private Object record(MappingNode map, Schema schema, String path) {
    Object[] args = new Object[schema.names.size()];
    Map<String, Node> seen = new HashMap<>();
    UserError firstUnknown = null;
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
        throw new UserError("config key " + (path.isEmpty() ? "" : "under '" + path + "' ") + "is not a name",
            where(t.getKeyNode().getStartMark()), "write keys as plain names, e.g. 'fork_branch:'");
      }
      String key = keyNode.getValue();
      String keyPath = path.isEmpty() ? key : path + "." + key;
      Integer index = schema.index.get(key);
      if (index == null) {
        // Reported once the known keys beside it are read, as forkstate always has: a wrong value comes first.
        firstUnknown = firstUnknown != null ? firstUnknown : unknown(key, keyPath, path, schema, keyNode);
        continue;
      }
      if (seen.put(key, keyNode) != null) {
        throw new UserError("config key '" + keyPath + "' is given twice", where(keyNode.getStartMark()),
            "keep one of them");
      }
      args[index] = value(t.getValueNode(), schema.types.get(index), keyPath);
    }
    if (firstUnknown != null) {
      throw firstUnknown;
    }
    return schema.construct(args);
  }

  private UserError unknown(String key, String keyPath, String path, Schema schema, Node keyNode) {
    List<String> known = schema.names.stream().sorted().toList();
    String nearest = Nearest.of(key, known);
    String fix = nearest == null ? "valid keys here: " + String.join(", ", known)
        : "did you mean '" + (path.isEmpty() ? nearest : path + "." + nearest) + "'?";
    return new UserError("config key '" + keyPath + "' is unknown", where(keyNode.getStartMark()), fix);
  }

  private UserError wrongType(String path, Class<?> expected, Node node) {
    return new UserError("config key '" + (path.isEmpty() ? "<top level>" : path) + "' has the wrong type; expected "
        + describe(expected), where(node.getStartMark()), "see the config reference in README.md");
  }

  private String where(Mark mark) {
    return ConfigDocument.where(fileName, mark);
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == List.class) {
      return "a list";
    }
    return "a mapping of keys";
  }

  /** A record's keys (its component names in snake_case), their types, and its canonical constructor. */
  private record Schema(List<String> names, List<Type> types, Map<String, Integer> index, Constructor<?> ctor) {
    static Schema of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      List<String> names = new ArrayList<>();
      List<Type> types = new ArrayList<>();
      Map<String, Integer> index = new LinkedHashMap<>();
      Class<?>[] raw = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        names.add(snakeCase(components[i].getName()));
        types.add(components[i].getGenericType());
        index.put(names.get(i), i);
        raw[i] = components[i].getType();
      }
      try {
        return new Schema(List.copyOf(names), List.copyOf(types), index, type.getDeclaredConstructor(raw));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("a record has a canonical constructor: " + type, e);
      }
    }

    Object construct(Object[] args) {
      try {
        return ctor.newInstance(args);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + ctor.getDeclaringClass(), e);
      }
    }
  }

  /** {@code timeoutSeconds} -> {@code timeout_seconds}: the file's keys are the schema's names. */
  static String snakeCase(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
