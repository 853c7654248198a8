package cn.chongchuan.safetycredit.sanction.support;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Stores a short list of codes (roles, subject types, measure codes) as one comma-separated column. */
public class CodeListTypeHandler extends BaseTypeHandler<List<String>> {

    @Override
    public void setNonNullParameter(PreparedStatement ps, int i, List<String> codes, JdbcType jdbcType)
            throws SQLException {
        ps.setString(i, String.join(",", codes));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, String column) throws SQLException {
        return split(rs.getString(column));
    }

    @Override
    public List<String> getNullableResult(ResultSet rs, int index) throws SQLException {
        return split(rs.getString(index));
    }

    @Override
    public List<String> getNullableResult(CallableStatement cs, int index) throws SQLException {
        return split(cs.getString(index));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
